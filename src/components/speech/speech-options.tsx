import { Field } from '../ui/field';
import { Input } from '../ui/input';
import { Select } from '../ui/select';

// Whisper's language codes for the languages most asked for; the provider detects any other.
const LANGUAGES: [string, string][] = [
  ['', 'Detect automatically'],
  ['en', 'English'],
  ['fr', 'French'],
  ['de', 'German'],
  ['es', 'Spanish'],
  ['it', 'Italian'],
  ['pt', 'Portuguese'],
  ['nl', 'Dutch'],
  ['ja', 'Japanese'],
  ['zh', 'Chinese'],
  ['ko', 'Korean'],
  ['hi', 'Hindi'],
];

/** The transcription options: the audio's language (or detection) and a prompt with names and spellings. */
export function SpeechOptions({
  language,
  onLanguage,
  prompt,
  onPrompt,
}: {
  language: string;
  onLanguage: (code: string) => void;
  prompt: string;
  onPrompt: (prompt: string) => void;
}) {
  return (
    <>
      <Field label="Language">
        {(control) => (
          <Select {...control} value={language} onChange={(e) => onLanguage(e.target.value)}>
            {LANGUAGES.map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Prompt (optional)" hint="Names and spellings the audio contains" className="min-w-48 flex-1">
        {(control) => <Input {...control} value={prompt} onChange={(e) => onPrompt(e.target.value)} />}
      </Field>
    </>
  );
}
