import { useMemo } from 'react';
import type { WizardDraft } from '../../lib/fine-tuning/draft-store';
import {
  paramFields,
  paramsJson,
  validateParams,
  type ParamField,
  type ParamsResult,
} from '../../lib/fine-tuning/params';
import { Button } from '../ui/button';
import { ParamsForm } from './params-form';

/** The example parameters as an object, or {} when the package has none or they are not a JSON object. */
function exampleObject(text: string | undefined): object {
  try {
    const value: unknown = text ? JSON.parse(text) : {};
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}

const defaults = (fields: ParamField[]) => Object.fromEntries(fields.map((f) => [f.name, String(f.default)]));
const exampleJson = (fields: ParamField[]) => paramsJson(Object.fromEntries(fields.map((f) => [f.name, f.default])));

/** The training parameters the user chose, checked: what step 4 hands on, or why it cannot. */
export function checkedParams(
  exampleText: string | undefined,
  draft: WizardDraft,
): { fields: ParamField[]; result: ParamsResult } {
  const fields = paramFields(exampleObject(exampleText));
  const mode = draft.paramsMode ?? 'form';
  const values = { ...defaults(fields), ...draft.paramsValues };
  const result = validateParams(fields, mode === 'json' ? (draft.paramsRaw ?? exampleJson(fields)) : values);
  return { fields, result };
}

/** Step 4: a form built from the example parameters (or raw JSON), validated before anything is sent. */
export function ParamsStep({
  exampleText,
  draft,
  onDraft,
  onBack,
  onNext,
}: {
  exampleText: string | undefined;
  draft: WizardDraft;
  onDraft: (patch: Partial<WizardDraft>) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const { fields, result } = useMemo(() => checkedParams(exampleText, draft), [exampleText, draft]);
  const mode = draft.paramsMode ?? 'form';
  const values = { ...defaults(fields), ...draft.paramsValues };
  const raw = draft.paramsRaw ?? exampleJson(fields);
  return (
    <div className="flex flex-col gap-4">
      {fields.length === 0 && mode === 'form' && (
        <p className="text-sm">The model’s usage package has no example parameters: write them as JSON instead.</p>
      )}
      <ParamsForm
        fields={fields}
        values={values}
        onValues={(v) => onDraft({ paramsValues: v })}
        raw={raw}
        onRaw={(r) => onDraft({ paramsRaw: r })}
        mode={mode}
        onMode={(m) =>
          // Switching to JSON starts from what the form holds; switching back keeps the form's own values.
          onDraft(
            m === 'json'
              ? { paramsMode: m, paramsRaw: result.ok ? paramsJson(result.params) : raw }
              : { paramsMode: m },
          )
        }
        errors={result.ok ? [] : result.errors}
        warnings={result.warnings}
      />
      <div className="flex gap-3">
        <Button variant="ghost" onClick={onBack}>
          Back
        </Button>
        <Button onClick={onNext} disabled={!result.ok}>
          Continue to the cost
        </Button>
      </div>
    </div>
  );
}
