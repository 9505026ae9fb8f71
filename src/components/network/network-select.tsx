import { useId, useState, type KeyboardEvent } from 'react';
import { cn } from '../../lib/cn';
import { NETWORK_LABEL } from '../../lib/chain/network-choice';
import { useNetwork } from '../../hooks/network/use-network';
import { useSwitchNetwork } from '../../hooks/wallet/use-switch-network';
import { CONTROL_CLASS } from '../ui/input';
import { listboxKey } from './listbox-keys';

/**
 * Network selector; works without a wallet (changes what is shown) and with one (asks it to switch).
 * A select-only combobox rather than a native <select>, whose arrow keys would switch on every
 * press: here arrows only move the highlight, and Enter, Space or a click on an option commits.
 */
export function NetworkSelect() {
  const { network, networks } = useNetwork();
  const { switchTo, isPending } = useSwitchNetwork();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const id = useId();
  const chosen = Math.max(
    networks.findIndex((n) => n.kind === network.kind),
    0,
  );
  const labels = networks.map((n) => NETWORK_LABEL[n.kind]);
  const optionId = (i: number) => `${id}-option-${i}`;

  const show = (index: number) => {
    setActive(index);
    setOpen(true);
  };
  const commit = (index: number) => {
    setOpen(false);
    const target = networks[index];
    if (target && index !== chosen) void switchTo(target);
  };

  function onKeyDown(e: KeyboardEvent) {
    if (isPending || e.ctrlKey || e.metaKey || e.altKey) return;
    const action = listboxKey(e.key, { open, active: open ? active : chosen, labels });
    if (!action) return;
    // Tab closes the list and still moves focus on.
    if (e.key !== 'Tab') e.preventDefault();
    if (action.type === 'open') show(action.index);
    else if (action.type === 'move') setActive(action.index);
    else if (action.type === 'commit') commit(action.index);
    else setOpen(false);
  }

  return (
    <div className="relative">
      <span id={`${id}-label`} className="sr-only">
        Network
      </span>
      <div
        role="combobox"
        tabIndex={0}
        aria-labelledby={`${id}-label ${id}-value`}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-activedescendant={open ? optionId(active) : undefined}
        aria-disabled={isPending || undefined}
        onKeyDown={onKeyDown}
        onClick={() => !isPending && (open ? setOpen(false) : show(chosen))}
        onBlur={() => setOpen(false)}
        className={cn(
          CONTROL_CLASS,
          'flex h-9 max-w-[9.5rem] cursor-pointer items-center gap-1 pr-1.5 pl-2 select-none aria-disabled:cursor-wait aria-disabled:opacity-70',
        )}
      >
        <span id={`${id}-value`} className="truncate">
          {labels[chosen]}
        </span>
        <svg
          aria-hidden="true"
          viewBox="0 0 16 16"
          className="size-4 shrink-0 fill-current text-zinc-500 dark:text-zinc-400"
        >
          <path d="M4.2 6.2a.75.75 0 0 1 1.06 0L8 8.94l2.74-2.74a.75.75 0 1 1 1.06 1.06L8.53 10.53a.75.75 0 0 1-1.06 0L4.2 7.26a.75.75 0 0 1 0-1.06Z" />
        </svg>
      </div>
      <ul
        id={`${id}-list`}
        role="listbox"
        aria-labelledby={`${id}-label`}
        hidden={!open}
        // The combobox keeps focus while an option is pressed, so its blur does not close the list first.
        onMouseDown={(e) => e.preventDefault()}
        className="absolute right-0 z-40 mt-1 min-w-44 rounded-lg border border-zinc-200 bg-white py-1 text-sm shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
      >
        {networks.map((n, i) => (
          <li
            key={n.kind}
            id={optionId(i)}
            role="option"
            aria-selected={i === chosen}
            onClick={() => commit(i)}
            onPointerMove={() => setActive(i)}
            className={cn(
              'flex min-h-9 cursor-pointer items-center justify-between gap-3 px-3',
              i === active && 'bg-zinc-100 dark:bg-zinc-800',
              i === chosen && 'font-medium',
            )}
          >
            {labels[i]}
            {i === chosen && (
              <svg
                aria-hidden="true"
                viewBox="0 0 16 16"
                className="size-4 fill-current text-violet-600 dark:text-violet-400"
              >
                <path d="M13.3 4.2a.75.75 0 0 1 0 1.06l-6.5 6.5a.75.75 0 0 1-1.06 0l-3-3a.75.75 0 1 1 1.06-1.06l2.47 2.47 5.97-5.97a.75.75 0 0 1 1.06 0Z" />
              </svg>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
