import type { FineTuningService, Service } from '../../lib/chain/services';
import { shortAddress } from '../../lib/format';
import { Field } from '../ui/field';
import { Select } from '../ui/select';

/** The Fund dialog's provider choice: `kind:address`, inference and fine-tuning providers in their groups. */
export function FundProviderSelect({
  value,
  onChange,
  disabled,
  services,
  fineTuning,
}: {
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
  services: Service[];
  fineTuning: FineTuningService[];
}) {
  return (
    <Field label="Provider">
      {(control) => (
        <Select {...control} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
          <option value="">Choose a provider…</option>
          <optgroup label="Inference">
            {services.map((s) => (
              <option key={s.provider} value={`inference:${s.provider}`}>
                {s.model} — {shortAddress(s.provider)}
              </option>
            ))}
          </optgroup>
          <optgroup label="Fine-tuning">
            {fineTuning.map((s) => (
              <option key={s.provider} value={`fine-tuning:${s.provider}`}>
                {s.models.join(', ')} — {shortAddress(s.provider)}
              </option>
            ))}
          </optgroup>
        </Select>
      )}
    </Field>
  );
}
