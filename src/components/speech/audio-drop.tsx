import type { ReactNode } from 'react';
import { ACCEPTED_AUDIO } from '../../lib/media/sniff';
import { ImageDrop } from '../image/image-drop';

/**
 * Where a recording comes in: the one drop zone (choose, drop or paste), set for audio files. It hands over the File
 * as it came; the caller reads it (its real type from its first bytes, its size) and passes back `error`.
 */
export function AudioDrop({
  onAudio,
  disabled,
  label = 'Choose an audio file',
  hint = `${ACCEPTED_AUDIO.label}. Its type is checked from its first bytes.`,
  error,
  className,
}: {
  onAudio: (file: File) => void;
  disabled?: boolean;
  label?: string;
  hint?: ReactNode;
  error?: ReactNode;
  className?: string;
}) {
  return (
    <ImageDrop
      onImage={onAudio}
      accept={ACCEPTED_AUDIO.accept}
      disabled={disabled}
      label={label}
      hint={hint}
      error={error}
      className={className}
    />
  );
}
