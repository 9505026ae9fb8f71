import { mediaFileName } from './file-name';
import type { Segment } from './transcript';

/** A time as `HH:MM:SS<sep>mmm`, rounded to the millisecond; hours grow past two digits if they must. */
function timestamp(seconds: number, separator: ',' | '.'): string {
  const total = Math.max(0, Math.round(seconds * 1000));
  const ms = total % 1000;
  const s = Math.floor(total / 1000) % 60;
  const m = Math.floor(total / 60_000) % 60;
  const h = Math.floor(total / 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(h)}:${two(m)}:${two(s)}${separator}${String(ms).padStart(3, '0')}`;
}

/**
 * Cue text that cannot break the file: every kind of line break becomes \n, lines are trimmed and
 * empty ones dropped (a blank line would end the cue), and an arrow (`-->`, `--->` …) becomes
 * `->` so no text line can pass for a timing line.
 */
function cueLines(text: string): string[] {
  return text
    .split(/\r\n|[\r\n\u0085\u2028\u2029]/)
    .map((line) => line.replace(/-{2,}>/g, '->').trim())
    .filter((line) => line !== '');
}

// WebVTT reads tags (`<b>`, `<c.x>`, `<00:01.000>`) and character references in cue text: escape
// them so a provider's text shows as written, never as markup.
const vttEscape = (line: string) => line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The cues worth writing: segments whose text is not empty once cleaned, numbered from 1. */
function cues(segments: readonly Segment[]): { n: number; start: number; end: number; lines: string[] }[] {
  return segments
    .map((s) => ({ start: s.start, end: Math.max(s.start, s.end), lines: cueLines(s.text) }))
    .filter((c) => c.lines.length > 0)
    .map((c, i) => ({ n: i + 1, ...c }));
}

/** The segments as a SubRip (.srt) file: numbered cues, `00:01:02,345 --> …` timings, blank lines between. */
export function toSrt(segments: readonly Segment[]): string {
  return cues(segments)
    .map((c) => `${c.n}\n${timestamp(c.start, ',')} --> ${timestamp(c.end, ',')}\n${c.lines.join('\n')}\n`)
    .join('\n');
}

/** The segments as a WebVTT (.vtt) file: the `WEBVTT` header, then numbered cues with `00:01:02.345` timings. */
export function toVtt(segments: readonly Segment[]): string {
  const body = cues(segments).map(
    (c) => `${c.n}\n${timestamp(c.start, '.')} --> ${timestamp(c.end, '.')}\n${c.lines.map(vttEscape).join('\n')}\n`,
  );
  return ['WEBVTT\n', ...body].join('\n');
}

/**
 * A safe download name for a transcript or subtitles: the audio file's name without its
 * extension, a short chat ID and `ext`, e.g. `team-meeting-stt-1a2b3c4d.srt`.
 */
export function transcriptFileName(audioName: string | null, chatId: string | null, ext: string): string {
  const dot = audioName?.lastIndexOf('.') ?? -1;
  const stem = audioName && dot > 0 ? audioName.slice(0, dot) : (audioName ?? '');
  // mediaFileName takes words split by spaces: the separators of file names count as spaces here.
  return mediaFileName(stem.replace(/[._]+/g, ' '), chatId, ext);
}
