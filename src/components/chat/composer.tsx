import { useId, useState, type ReactNode } from 'react';
import { Button } from '../ui/button';

/** The message box: Enter sends, Shift+Enter adds a line; Stop while an answer streams. */
export function Composer({
  onSend,
  onStop,
  streaming,
  disabled,
  note,
  onDraft,
}: {
  onDraft?: (text: string) => void;
  onSend: (text: string) => boolean | void;
  onStop: () => void;
  streaming: boolean;
  disabled: boolean;
  note?: ReactNode;
}) {
  const [text, setText] = useState('');
  const id = useId();
  const send = () => {
    if (!text.trim() || disabled || streaming) return;
    // The page may refuse (e.g. the sub-account is too low): the text then stays in the box.
    if (onSend(text) === false) return;
    setText('');
    onDraft?.('');
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
      className="flex flex-col gap-1"
    >
      <label htmlFor={id} className="sr-only">
        Message
      </label>
      <div className="flex items-end gap-2">
        <textarea
          id={id}
          value={text}
          rows={2}
          placeholder="Message"
          onChange={(e) => {
            setText(e.target.value);
            onDraft?.(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              send();
            }
          }}
          className="min-h-12 flex-1 resize-y rounded-xl border border-zinc-300 bg-white p-3 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
        {streaming ? (
          <Button variant="secondary" onClick={onStop}>
            Stop
          </Button>
        ) : (
          <Button type="submit" disabled={disabled || !text.trim()}>
            Send
          </Button>
        )}
      </div>
      {note && <div className="text-xs text-zinc-500 dark:text-zinc-400">{note}</div>}
    </form>
  );
}
