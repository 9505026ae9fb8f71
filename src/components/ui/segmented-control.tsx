import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { cn } from '../../lib/cn';

export interface SegmentedOption<T extends string> {
  value: T;
  label: ReactNode;
}

// Arrow keys only move the focus; Enter or Space (the buttons' own behaviour) chooses.
const MOVE: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

/**
 * A labelled group of toggle buttons with exactly one pressed (`aria-pressed`): one Tab stop (the
 * chosen one), arrows, Home and End move between them, Enter or Space chooses. Choosing never
 * happens on a mere arrow, so moving through the options changes nothing until the user commits.
 */
export function SegmentedControl<T extends string>({
  label,
  options,
  value,
  onChange,
  className,
}: {
  label: string;
  options: readonly SegmentedOption<T>[];
  value: T;
  onChange: (value: T) => void;
  className?: string;
}) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  // The button that holds the one Tab stop while focus is inside; the chosen one otherwise.
  const [focused, setFocused] = useState<number | null>(null);
  const chosen = Math.max(
    0,
    options.findIndex((o) => o.value === value),
  );
  const stop = focused ?? chosen;

  const onKeyDown = (e: KeyboardEvent) => {
    const move = MOVE[e.key];
    if (!move) return;
    e.preventDefault();
    const next = move(stop, options.length);
    setFocused(next);
    buttons.current[next]?.focus();
  };

  return (
    <div
      role="group"
      aria-label={label}
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) setFocused(null);
      }}
      className={cn('inline-flex max-w-full rounded-lg border border-zinc-500 p-0.5', className)}
    >
      {options.map((o, i) => (
        <button
          key={o.value}
          ref={(el) => {
            buttons.current[i] = el;
          }}
          type="button"
          aria-pressed={o.value === value}
          tabIndex={i === stop ? 0 : -1}
          onFocus={() => setFocused(i)}
          onClick={() => onChange(o.value)}
          className={cn(
            'min-h-8 rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-500',
            o.value === value
              ? 'bg-violet-600 text-white'
              : 'text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100',
          )}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
