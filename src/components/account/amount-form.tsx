import { useState, type ComponentProps, type ReactNode } from 'react';
import type { AmountCheck } from '../../lib/account/rules';
import { formatOg, og } from '../../lib/units';
import { Button } from '../ui/button';
import { Field } from '../ui/field';
import { Input } from '../ui/input';

/** A decimal amount input with its unit ("0G") shown inside the box. */
export function AmountInput(props: ComponentProps<'input'>) {
  return (
    <div className="relative min-w-36 flex-1">
      <Input inputMode="decimal" autoComplete="off" {...props} className="pr-10 tabular-nums" />
      <span className="pointer-events-none absolute top-2.5 right-3 text-sm text-zinc-500 dark:text-zinc-400">0G</span>
    </div>
  );
}

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
  const result = check(text);

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

  // A warning and the computed line change as the amount does: announced politely, read with the field.
  const notes = result.ok && (result.warning || explain) && (
    <div aria-live="polite">
      {result.warning && <p className="text-amber-800 dark:text-amber-300">{result.warning}</p>}
      {explain?.(result.value)}
    </div>
  );
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Field
        label="Amount"
        error={touched && !result.ok ? result.error : null}
        hint={
          (notes || hint) && (
            <>
              {notes}
              {hint && <p>{hint}</p>}
            </>
          )
        }
      >
        {(control) => (
          <div className="flex flex-wrap items-center gap-2">
            <AmountInput
              {...control}
              value={text}
              onChange={(e) => setText(e.target.value)}
              onBlur={() => setTouched(text !== '')}
            />
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
        )}
      </Field>
    </form>
  );
}
