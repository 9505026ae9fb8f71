import { useState } from 'react';
import { MAX_PROOF_BYTES } from '../../lib/proof/bundle';
import { ImageDrop } from '../image/image-drop';
import { Button } from '../ui/button';
import { Field } from '../ui/field';
import { Textarea } from '../ui/textarea';

/** Where a proof comes in: pasted JSON, or a proof file (.json, or a .zip with a picture or audio) opened or dropped. */
export function ProofInput({
  onText,
  onFile,
  reading,
  error,
}: {
  onText: (text: string) => void;
  onFile: (file: File) => void;
  reading: boolean;
  /** Why the last proof could not be read; a plain sentence. */
  error: string | null;
}) {
  const [text, setText] = useState('');
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-4 md:flex-row md:items-start">
        <ImageDrop
          onImage={onFile}
          accept=".json,.zip"
          label="Open a proof file"
          hint={`A proof .json, or a .zip with the picture or audio beside it; up to ${MAX_PROOF_BYTES / (1024 * 1024)} MB.`}
          disabled={reading}
          className="md:w-72 md:shrink-0"
        />
        <form
          className="flex min-w-0 flex-1 flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            onText(text);
          }}
        >
          <Field label="Or paste a proof (JSON)">
            {(control) => (
              <Textarea
                {...control}
                rows={5}
                spellCheck={false}
                value={text}
                onChange={(e) => setText(e.target.value)}
                className="font-mono text-xs"
              />
            )}
          </Field>
          <Button type="submit" variant="secondary" className="self-start" disabled={reading}>
            Check pasted proof
          </Button>
        </form>
      </div>
      <div aria-live="polite" className="text-sm empty:hidden">
        {reading ? <p role="status">Reading the file…</p> : null}
        {error && !reading ? <p className="text-red-700 dark:text-red-400">{error}</p> : null}
      </div>
    </div>
  );
}
