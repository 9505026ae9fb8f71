import { useState, type ReactNode } from 'react';
import { Button } from '../ui/button';
import { Field } from '../ui/field';
import { Textarea } from '../ui/textarea';

/** The message box: Enter sends, Shift+Enter adds a line; Stop while an answer streams. */
export function Composer({
  onSend,
  onStop,
  streaming,
  disabled,
  note,
  onDraft,
  className,
}: {
  onDraft?: (text: string) => void;
  onSend: (text: string) => boolean | void;
  onStop: () => void;
  streaming: boolean;
  disabled: boolean;
  /** A line under the box (the cost estimate), read with it. */
  note?: ReactNode;
  className?: string;
}) {
  const [text, setText] = useState('');
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
      className={className}
    >
      <Field label="Message" hideLabel hint={note && <p className="text-xs">{note}</p>}>
        {(control) => (
          <div className="flex items-end gap-2">
            <Textarea
              {...control}
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
              className="max-h-[40vh] min-h-12 flex-1 resize-y rounded-xl p-3"
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
        )}
      </Field>
    </form>
  );
}
