import { useState, type FormEvent } from 'react';
import { EXPIRY_OPTIONS, type ExpiryId } from '../../lib/api-keys/key-state';
import type { CreateProblem } from '../../hooks/api-keys/use-create-api-key';
import { Button } from '../ui/button';
import { Field } from '../ui/field';
import { Input } from '../ui/input';
import { Select } from '../ui/select';

interface Props {
  /** The id the key will take (the smallest one neither revoked nor held by a key of this browser). */
  nextId: number;
  busy: boolean;
  disabled: boolean;
  problem: CreateProblem;
  onCreate: (label: string, expiresIn: number, tokenId: number) => void;
}

/** Label, expiry and the id it will take; one wallet signature, no transaction. */
export function CreateKeyForm({ nextId, busy, disabled, problem, onCreate }: Props) {
  const [label, setLabel] = useState('');
  const [expiry, setExpiry] = useState<ExpiryId>('30d');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const option = EXPIRY_OPTIONS.find((o) => o.id === expiry) ?? EXPIRY_OPTIONS[2];
    onCreate(label, option.ms, nextId);
  };
  return (
    <form aria-label="Create an API key" onSubmit={submit} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Label" hint="Only for you, to tell keys apart." className="min-w-48 flex-1">
          {(control) => (
            <Input
              {...control}
              value={label}
              maxLength={80}
              placeholder={`Key ${nextId}`}
              onChange={(e) => setLabel(e.target.value)}
            />
          )}
        </Field>
        <Field label="Expires after" hint={`It will take token id ${nextId}.`}>
          {(control) => (
            <Select {...control} value={expiry} onChange={(e) => setExpiry(e.target.value as ExpiryId)}>
              {EXPIRY_OPTIONS.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={busy || disabled}>
          {busy ? 'Waiting for the wallet…' : 'Create API key'}
        </Button>
        <span className="text-sm text-zinc-600 dark:text-zinc-400">One wallet signature; nothing is sent.</span>
      </div>
      <div aria-live="polite" className="text-sm empty:hidden">
        {problem && (
          <p
            className={problem.tone === 'error' ? 'text-red-700 dark:text-red-400' : 'text-zinc-700 dark:text-zinc-300'}
          >
            {problem.message}
          </p>
        )}
      </div>
    </form>
  );
}
