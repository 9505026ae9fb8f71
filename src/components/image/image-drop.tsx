import { useEffect, useEffectEvent, useId, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { cn } from '../../lib/cn';
import { Button } from '../ui/button';

const IMAGES = 'image/png,image/jpeg,image/webp';

/** A test for a MIME type of a kind `accept` names ("image/png" names image, "audio/*" audio); extensions name none. */
function kindTest(accept: string): (type: string) => boolean {
  const kinds = new Set(
    accept.split(',').flatMap((token) => (token.includes('/') ? [token.trim().split('/')[0] ?? ''] : [])),
  );
  return (type) => kinds.has(type.split('/')[0] ?? '');
}

/** The first file of the kind pasted, from the files or else the items of the clipboard; null when none is. */
function pastedFile(data: DataTransfer | null, ofKind: (type: string) => boolean): File | null {
  if (!data) return null;
  const fromFiles = Array.from(data.files ?? []).find((file) => ofKind(file.type));
  if (fromFiles) return fromFiles;
  for (const item of Array.from(data.items ?? [])) {
    if (item.kind !== 'file' || !ofKind(item.type)) continue;
    const file = item.getAsFile();
    if (file) return file;
  }
  return null;
}

/**
 * Where a file comes in (a picture unless `accept` says otherwise): a "Choose an image" button (a hidden file input),
 * a drop zone, and a paste anywhere on the page while it is shown. It hands over the File as it came; the caller
 * checks its real type from its bytes and its size, and passes back `error`, which is shown here and read with the
 * button.
 */
export function ImageDrop({
  onImage,
  accept = IMAGES,
  disabled = false,
  label = 'Choose an image',
  hint,
  error,
  className,
}: {
  onImage: (file: File) => void;
  /** The file input's `accept`; a dropped or pasted file of a kind it names is preferred over others. */
  accept?: string;
  disabled?: boolean;
  /** The button's text and name. */
  label?: string;
  /** The rule, e.g. the types and the size allowed; read with the button. */
  hint?: ReactNode;
  /** Why the last picture was refused; read with the button. */
  error?: ReactNode;
  className?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  const ofKind = kindTest(accept);

  const onPaste = useEffectEvent((e: ClipboardEvent) => {
    if (disabled) return;
    const file = pastedFile(e.clipboardData, ofKind);
    // Text pasted into a field stays that field's: only a file of the kind is taken.
    if (!file) return;
    e.preventDefault();
    onImage(file);
  });
  useEffect(() => {
    const listener = (e: ClipboardEvent) => onPaste(e);
    document.addEventListener('paste', listener);
    return () => document.removeEventListener('paste', listener);
  }, []);

  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    // Always taken, even when disabled: a file dropped and not taken would make the browser navigate to it.
    e.preventDefault();
    e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
    if (!disabled) setOver(true);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    const files = Array.from(e.dataTransfer.files);
    // A file of another kind is still handed over, so the caller can say why it is refused.
    const file = files.find((f) => ofKind(f.type)) ?? files[0];
    if (file) onImage(file);
  };

  return (
    <div className={cn('flex w-full max-w-sm min-w-0 flex-col gap-1', className)}>
      <div
        onDragEnter={onDragOver}
        onDragOver={onDragOver}
        onDragLeave={(e) => {
          // Leaving for one of its own children is not leaving the zone.
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
        }}
        onDrop={onDrop}
        data-over={over || undefined}
        className={cn(
          'flex flex-col items-center gap-2 rounded-xl border-2 border-dashed border-zinc-400 p-4 text-center transition-colors dark:border-zinc-600',
          over && 'border-violet-500 bg-violet-50 dark:border-violet-400 dark:bg-violet-950',
          Boolean(error) && !over && 'border-red-600 dark:border-red-500',
        )}
      >
        <Button
          variant="secondary"
          disabled={disabled}
          aria-describedby={describedBy}
          onClick={() => input.current?.click()}
        >
          {label}
        </Button>
        <p className="text-sm text-zinc-600 dark:text-zinc-300">or drop or paste it here</p>
        {hint && (
          <p id={hintId} className="text-xs text-zinc-600 dark:text-zinc-300">
            {hint}
          </p>
        )}
        <input
          ref={input}
          type="file"
          accept={accept}
          hidden
          tabIndex={-1}
          disabled={disabled}
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Cleared, so choosing the same file again still fires a change.
            e.target.value = '';
            if (file) onImage(file);
          }}
        />
      </div>
      {/* Always there, so a new error is announced. */}
      <div id={errorId} aria-live="polite" className="text-sm text-red-700 empty:hidden dark:text-red-400">
        {error || null}
      </div>
    </div>
  );
}
