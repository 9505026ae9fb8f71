import { useId, useState, type ReactNode } from 'react';
import type { AmountCheck } from '../../lib/account/rules';
import { formatOg, og } from '../../lib/units';
import { Button } from '../ui/button';

interface AmountFormProps {
  /** Checks the typed text; the wallet opens only for an ok result, with exactly its value. */
  check: (input: string) => AmountCheck;
  onSubmit: (value: bigint) => Promise<unknown>;
  submitLabel: string;
  presets?: bigint[];
  /** Text under the field: the rule or where the money comes from. */
  hint?: ReactNode;
  /** Extra line computed from a valid amount (e.g. how a transfer is paid). */
  explain?: (value: bigint) => ReactNode;
  disabled?: boolean;
}

/** An "Amount" field in 0G with presets, validated before the wallet opens; the submit is one transaction. */
export function AmountForm({ check, onSubmit, submitLabel, presets = [], hint, explain, disabled }: AmountFormProps) {
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const result = check(text);
  const showError = touched && !result.ok;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!result.ok || busy) return;
    setBusy(true);
    try {
      await onSubmit(result.value);
      setText('');
      setTouched(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="flex flex-col gap-2">
      <label htmlFor={id} className="text-sm font-medium">
        Amount
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <div className="relative min-w-36 flex-1">
          <input
            id={id}
            inputMode="decimal"
            autoComplete="off"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onBlur={() => setTouched(text !== '')}
            aria-invalid={showError}
            aria-describedby={`${id}-msg`}
            className="h-10 w-full rounded-lg border border-zinc-300 bg-white px-3 pr-10 text-sm tabular-nums aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900"
          />
          <span className="pointer-events-none absolute top-2.5 right-3 text-sm text-zinc-500 dark:text-zinc-400">
            0G
          </span>
        </div>
        {presets.map((p) => (
          <Button
            key={p.toString()}
            size="sm"
            variant="secondary"
            onClick={() => {
              setText(formatOg(p, 18));
              setTouched(true);
            }}
          >
            {og(p)}
          </Button>
        ))}
        <Button type="submit" disabled={disabled || busy}>
          {busy ? 'Waiting for the wallet…' : submitLabel}
        </Button>
      </div>
      <div id={`${id}-msg`} className="text-sm" aria-live="polite">
        {showError && !result.ok ? (
          <p className="text-red-700 dark:text-red-400">{result.error}</p>
        ) : result.ok && result.warning ? (
          <p className="text-amber-800 dark:text-amber-300">{result.warning}</p>
        ) : null}
        {result.ok && explain?.(result.value)}
        {hint && <p className="text-zinc-600 dark:text-zinc-400">{hint}</p>}
      </div>
    </form>
  );
}
