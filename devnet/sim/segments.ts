/** One Whisper-style `verbose_json` segment; times in seconds. */
export interface Segment {
  id: number;
  start: number;
  end: number;
  text: string;
}

const MAX_WORDS = 8;

const ms = (seconds: number): number => Math.round(seconds * 1000) / 1000;

/** Splits words at sentence ends, then cuts long sentences into near-equal chunks of at most MAX_WORDS. */
function phrases(text: string): string[][] {
  const sentences: string[][] = [];
  let current: string[] = [];
  for (const word of text.split(' ').filter((w) => w !== '')) {
    current.push(word);
    if (/[.:!?]$/.test(word)) {
      sentences.push(current);
      current = [];
    }
  }
  if (current.length > 0) sentences.push(current);
  return sentences.flatMap((words) => {
    const count = Math.ceil(words.length / MAX_WORDS);
    const size = Math.ceil(words.length / count);
    return Array.from({ length: count }, (_, i) => words.slice(i * size, (i + 1) * size)).filter((c) => c.length > 0);
  });
}

/**
 * Whisper-style segments for a transcript: consecutive (each starts where the previous ended),
 * from 0 to the audio's duration, time shared by length of text. Joining their texts with a space
 * gives the transcript back (with its runs of spaces collapsed).
 */
export function transcriptSegments(text: string, durationSeconds: number): Segment[] {
  const texts = phrases(text).map((words) => words.join(' '));
  if (texts.length === 0) return [{ id: 0, start: 0, end: ms(durationSeconds), text: '' }];
  // A joining space counts with each phrase, so a long phrase gets a long slot.
  const total = texts.reduce((sum, t) => sum + t.length + 1, 0);
  let before = 0;
  const at = (chars: number) => ms((durationSeconds * chars) / total);
  return texts.map((t, id) => {
    const start = at(before);
    before += t.length + 1;
    const end = id === texts.length - 1 ? ms(durationSeconds) : at(before);
    return { id, start, end, text: t };
  });
}
