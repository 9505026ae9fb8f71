import { clampMaxTokens, clampTemperature, MAX_TOKENS_CAP } from '../../lib/chat/settings';
import type { Conversation } from '../../lib/chat/types';
import { Field } from '../ui/field';
import { Input } from '../ui/input';
import { Textarea } from '../ui/textarea';

type Settings = Pick<Conversation, 'systemPrompt' | 'temperature' | 'maxTokens'>;

/** A conversation's system prompt, temperature and max tokens, folded away until asked for; values are clamped. */
export function ChatSettings({
  conversation: conv,
  onChange,
}: {
  conversation: Settings;
  onChange: (patch: Partial<Settings>) => void;
}) {
  return (
    <details className="rounded-xl border border-zinc-200 p-3 text-sm dark:border-zinc-800">
      <summary className="cursor-pointer py-0.5 font-medium">Settings</summary>
      <div className="mt-3 grid gap-3 sm:grid-cols-[1fr_8rem_8rem]">
        <Field label="System prompt" labelClassName="font-normal">
          {(control) => (
            <Textarea
              {...control}
              value={conv.systemPrompt}
              rows={2}
              onChange={(e) => onChange({ systemPrompt: e.target.value })}
            />
          )}
        </Field>
        <Field label="Temperature" labelClassName="font-normal">
          {(control) => (
            <Input
              {...control}
              type="number"
              min={0}
              max={2}
              step={0.1}
              value={conv.temperature}
              onChange={(e) => onChange({ temperature: clampTemperature(Number(e.target.value)) })}
              className="h-9 px-2"
            />
          )}
        </Field>
        <Field label="Max tokens" labelClassName="font-normal">
          {(control) => (
            <Input
              {...control}
              type="number"
              min={1}
              max={MAX_TOKENS_CAP}
              value={conv.maxTokens}
              onChange={(e) => onChange({ maxTokens: clampMaxTokens(Number(e.target.value)) })}
              className="h-9 px-2"
            />
          )}
        </Field>
      </div>
    </details>
  );
}
