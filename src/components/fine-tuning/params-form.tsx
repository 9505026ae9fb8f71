import type { ParamField, ParamIssue } from '../../lib/fine-tuning/params';
import { Field } from '../ui/field';
import { Input } from '../ui/input';
import { SegmentedControl } from '../ui/segmented-control';
import { Textarea } from '../ui/textarea';

export type ParamsMode = 'form' | 'json';

const MODES = [
  { value: 'form', label: 'Form' },
  { value: 'json', label: 'JSON' },
] as const;

const TONE = { error: 'text-red-700 dark:text-red-400', warning: 'text-amber-900 dark:text-amber-300' } as const;

function IssueList({ issues, label, tone }: { issues: ParamIssue[]; label: string; tone: keyof typeof TONE }) {
  if (issues.length === 0) return null;
  return (
    <ul aria-label={label} className={`list-disc space-y-1 pl-5 text-sm break-words ${TONE[tone]}`}>
      {issues.map((issue, i) => (
        <li key={i}>{issue.message}</li>
      ))}
    </ul>
  );
}

function ParamInput({
  field: f,
  value,
  error,
  disabled,
  onChange,
}: {
  field: ParamField;
  value: string | undefined;
  error: string | undefined;
  disabled: boolean;
  onChange: (value: string) => void;
}) {
  const numeric = f.kind === 'number' || f.kind === 'integer';
  return (
    <Field label={<span className="font-mono break-all">{f.name}</span>} hint={f.help} error={error}>
      {(control) =>
        f.kind === 'boolean' ? (
          <input
            {...control}
            type="checkbox"
            disabled={disabled}
            checked={(value ?? String(f.default)) === 'true'}
            onChange={(e) => onChange(String(e.target.checked))}
            className="size-5 accent-violet-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-500"
          />
        ) : (
          <Input
            {...control}
            type={numeric ? 'number' : 'text'}
            // An exclusive minimum is left to validateParams: the browser would accept the minimum itself.
            min={numeric && !f.minExclusive ? f.min : undefined}
            max={numeric ? f.max : undefined}
            step={f.kind === 'integer' ? 1 : numeric ? 'any' : undefined}
            inputMode={f.kind === 'integer' ? 'numeric' : numeric ? 'decimal' : undefined}
            placeholder={String(f.default)}
            value={value ?? ''}
            disabled={disabled}
            spellCheck={false}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </Field>
  );
}

/**
 * The training parameters as a form (one control per field of the provider's example) or as JSON text.
 * Controlled: the page validates and passes the errors and warnings back.
 */
export function ParamsForm({
  fields,
  values,
  onValues,
  raw,
  onRaw,
  mode,
  onMode,
  errors,
  warnings,
  disabled = false,
}: {
  fields: readonly ParamField[];
  values: Record<string, string>;
  onValues: (values: Record<string, string>) => void;
  raw: string;
  onRaw: (raw: string) => void;
  mode: ParamsMode;
  onMode: (mode: ParamsMode) => void;
  errors: ParamIssue[];
  warnings: ParamIssue[];
  disabled?: boolean;
}) {
  const names = new Set(fields.map((f) => f.name));
  // Problems no control can show: the JSON as a whole (field ''), or keys the form does not have.
  const loose = errors.filter((e) => !names.has(e.field));
  const errorOf = (name: string) => errors.flatMap((e) => (e.field === name ? [e.message] : [])).join(' ');

  return (
    <div className="flex min-w-0 flex-col gap-4">
      <SegmentedControl label="Edit the parameters as" options={MODES} value={mode} onChange={onMode} />
      {mode === 'form' ? (
        <>
          <IssueList issues={loose} label="Parameter errors" tone="error" />
          {fields.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              The example has no parameters to edit here: use JSON to set them.
            </p>
          ) : (
            <div className="grid gap-4 sm:grid-cols-2">
              {fields.map((f) => (
                <ParamInput
                  key={f.name}
                  field={f}
                  // Own keys only: a field named like "__proto__" must not read the prototype.
                  value={Object.hasOwn(values, f.name) ? values[f.name] : undefined}
                  error={errorOf(f.name)}
                  disabled={disabled}
                  onChange={(value) => onValues({ ...values, [f.name]: value })}
                />
              ))}
            </div>
          )}
        </>
      ) : (
        <Field
          label="Training parameters (JSON)"
          error={errors.length > 0 ? <IssueList issues={errors} label="Parameter errors" tone="error" /> : null}
        >
          {(control) => (
            <Textarea
              {...control}
              rows={12}
              value={raw}
              disabled={disabled}
              spellCheck={false}
              autoCapitalize="off"
              autoCorrect="off"
              className="font-mono text-xs"
              onChange={(e) => onRaw(e.target.value)}
            />
          )}
        </Field>
      )}
      <IssueList issues={warnings} label="Parameter warnings" tone="warning" />
    </div>
  );
}
