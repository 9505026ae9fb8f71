import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useAccount, useDisconnect } from 'wagmi';
import { useWalletBalance } from '../../hooks/wallet/use-wallet-balance';
import { og } from '../../lib/units';
import { shortAddress } from '../../lib/format';
import { useNetwork } from '../../hooks/network/use-network';
import { CopyButton } from '../ui/copy-button';
import { Button } from '../ui/button';
import { requestFocus, useFocusTarget } from './focus-target';

/**
 * The connected account: address (copy), native balance, network, disconnect. The popover takes
 * focus when it opens and closes on Escape (focus back on the button), when focus leaves it, or on
 * a click outside.
 */
export function AccountMenu({ address }: { address: `0x${string}` }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const focusTarget = useFocusTarget('account-button');
  const { network } = useNetwork();
  const { connector, chain, chainId } = useAccount();
  const { disconnect } = useDisconnect();
  const balance = useWalletBalance(address);

  useEffect(() => {
    if (!open) return;
    panelRef.current?.focus();
    const onDown = (e: PointerEvent) => ref.current?.contains(e.target as Node) || setOpen(false);
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  function onKeyDown(e: KeyboardEvent) {
    if (e.key !== 'Escape' || !open) return;
    e.preventDefault();
    setOpen(false);
    document.getElementById(`${id}-button`)?.focus();
  }
  function onBlur(e: FocusEvent) {
    // Tab past the last item (or Shift+Tab before the button) closes it; a window losing focus does not.
    if (open && e.relatedTarget && !ref.current?.contains(e.relatedTarget as Node)) setOpen(false);
  }

  return (
    <div ref={ref} className="relative" onKeyDown={onKeyDown} onBlur={onBlur}>
      {/* Named by what it shows, then the full address (WCAG 2.5.3, label in name). */}
      <Button
        {...focusTarget}
        id={`${id}-button`}
        variant="secondary"
        size="sm"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        onClick={() => setOpen((o) => !o)}
        className="font-mono"
      >
        {shortAddress(address)}
        <span className="sr-only">account {address}</span>
      </Button>
      {open && (
        <div
          ref={panelRef}
          id={`${id}-panel`}
          role="dialog"
          aria-label="Account"
          tabIndex={-1}
          className="absolute right-0 z-40 mt-2 w-72 rounded-xl border border-zinc-200 bg-white p-4 text-sm shadow-lg outline-none dark:border-zinc-800 dark:bg-zinc-900"
        >
          <dl className="grid gap-3">
            <div>
              <dt className="text-xs text-zinc-500 dark:text-zinc-400">Address</dt>
              <dd className="flex items-center gap-1">
                <span className="font-mono text-xs break-all" data-testid="account-address">
                  {address}
                </span>
                <CopyButton value={address} label="Copy address" />
              </dd>
            </div>
            <div>
              <dt className="text-xs text-zinc-500 dark:text-zinc-400">Balance on {network.chain.name}</dt>
              <dd data-testid="account-balance">
                {balance.data
                  ? og(balance.data, 4)
                  : balance.isError
                    ? 'Unavailable (network unreachable)'
                    : 'Loading…'}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-zinc-500 dark:text-zinc-400">Wallet network</dt>
              <dd>{chain?.name ?? `Chain ${chainId ?? '?'}`}</dd>
            </div>
            <div>
              <dt className="text-xs text-zinc-500 dark:text-zinc-400">Wallet</dt>
              <dd>{connector?.name ?? 'Unknown'}</dd>
            </div>
          </dl>
          <Button
            variant="secondary"
            size="sm"
            className="mt-4 w-full"
            onClick={() => {
              // The button goes with the account: "Connect wallet" takes focus instead of <body>.
              requestFocus('connect-button');
              disconnect();
              setOpen(false);
            }}
          >
            Disconnect
          </Button>
        </div>
      )}
    </div>
  );
}
