import { useState, type FormEvent } from 'react';
import { useObjectUrl } from '../../hooks/ui/use-object-url';
import type { ImageAsk } from '../../hooks/image/use-image-run';
import { MAX_EDIT_IMAGE_BYTES, readImageFile } from '../../lib/media/image-bytes';
import { ACCEPTED_IMAGES } from '../../lib/media/sniff';
import { og } from '../../lib/units';
import { Button } from '../ui/button';
import { Field } from '../ui/field';
import { Select } from '../ui/select';
import { Textarea } from '../ui/textarea';
import { ImageDrop } from './image-drop';

export const IMAGE_SIZES = ['256x256', '512x512', '1024x1024'] as const;
/** The longest prompt the app sends (the OpenAI images API's limit, which providers follow). */
export const MAX_PROMPT_CHARS = 4000;
const COUNTS = [1, 2, 3, 4] as const;
const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`;

/** What the form was last filled with, so "Reuse settings" can fill it again. */
export interface ImageDraft {
  prompt: string;
  size: string;
  n: number;
}

/**
 * The Generate / Edit form: prompt, size (generate) or the picture to edit, number of pictures, and the total price
 * before the button. Nothing is sent that the user did not see priced; the prompt and the picture are kept on any
 * failure.
 */
export function ImageForm({
  mode,
  draft,
  onDraft,
  price,
  busy,
  disabled,
  onSubmit,
  onStop,
}: {
  mode: 'generate' | 'edit';
  draft: ImageDraft;
  onDraft: (draft: ImageDraft) => void;
  /** Neuron per picture for the chosen provider; null when none is chosen. */
  price: bigint | null;
  busy: boolean;
  disabled: boolean;
  onSubmit: (ask: ImageAsk) => void;
  onStop: () => void;
}) {
  const [image, setImage] = useState<{ bytes: Uint8Array; mime: string; name: string; blob: Blob } | null>(null);
  const [imageError, setImageError] = useState<string | null>(null);
  const [promptError, setPromptError] = useState<string | null>(null);
  const original = useObjectUrl(image?.blob);
  const total = price === null ? null : price * BigInt(draft.n);

  async function take(file: File) {
    const got = await readImageFile(file, MAX_EDIT_IMAGE_BYTES);
    if ('error' in got) return setImageError(got.error);
    setImageError(null);
    setImage({ ...got, blob: new Blob([got.bytes as Uint8Array<ArrayBuffer>], { type: got.mime }) });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const prompt = draft.prompt.trim();
    if (!prompt) return setPromptError('Write a prompt first: what the picture should show.');
    if (prompt.length > MAX_PROMPT_CHARS)
      return setPromptError(`The prompt is ${prompt.length} characters; providers take at most ${MAX_PROMPT_CHARS}.`);
    setPromptError(null);
    if (mode === 'edit') {
      if (!image) return setImageError('Choose, drop or paste the picture to edit first.');
      onSubmit({ mode, prompt, n: draft.n, image: { bytes: image.bytes, mime: image.mime, name: image.name } });
    } else onSubmit({ mode, prompt, size: draft.size, n: draft.n });
  }

  return (
    <form
      onSubmit={submit}
      className="flex flex-col gap-3"
      aria-label={mode === 'edit' ? 'Edit a picture' : 'Generate'}
    >
      {mode === 'edit' && (
        <div className="flex flex-wrap items-start gap-3">
          <ImageDrop
            onImage={(f) => void take(f)}
            hint={`${ACCEPTED_IMAGES.label}, up to ${megabytes(MAX_EDIT_IMAGE_BYTES)}. Its type is checked from its first bytes.`}
            error={imageError}
            disabled={busy}
          />
          {original && <img src={original} alt="The picture to edit" className="h-32 w-32 rounded-lg object-cover" />}
        </div>
      )}
      <Field label="Prompt" error={promptError} hint={`${draft.prompt.length} / ${MAX_PROMPT_CHARS} characters`}>
        {(control) => (
          <Textarea
            {...control}
            rows={3}
            value={draft.prompt}
            onChange={(e) => onDraft({ ...draft, prompt: e.target.value })}
            placeholder={
              mode === 'edit' ? 'What to change, e.g. make the sky purple' : 'A red fox in the snow, watercolour'
            }
          />
        )}
      </Field>
      <div className="flex flex-wrap items-end gap-3">
        {mode === 'generate' && (
          <Field label="Size">
            {(control) => (
              <Select {...control} value={draft.size} onChange={(e) => onDraft({ ...draft, size: e.target.value })}>
                {IMAGE_SIZES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        )}
        <Field label="Pictures">
          {(control) => (
            <Select {...control} value={draft.n} onChange={(e) => onDraft({ ...draft, n: Number(e.target.value) })}>
              {COUNTS.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {busy ? (
          <Button variant="secondary" onClick={onStop}>
            Stop
          </Button>
        ) : (
          <Button type="submit" disabled={disabled}>
            {mode === 'edit' ? 'Edit' : 'Generate'}
          </Button>
        )}
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-300" aria-live="polite">
        {total === null
          ? 'Choose a provider to see the price.'
          : `Total price: ${og(total, 9)} for ${draft.n} picture${draft.n === 1 ? '' : 's'} (${og(price!, 9)} each), charged to your sub-account with this provider.`}
      </p>
    </form>
  );
}
