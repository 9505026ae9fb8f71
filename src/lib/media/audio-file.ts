import { formatMegabytes } from './image-bytes';
import { ACCEPTED_AUDIO, SNIFF_BYTES, sniffAudio, type AudioMime } from './sniff';

/** The largest upload OpenAI's transcription API takes; providers of the same API follow it. */
export const MAX_AUDIO_BYTES = 25 * 1024 * 1024;

/** The longest recording the studio sends in one request. */
export const MAX_AUDIO_SECONDS = 30 * 60;

const DURATION_TIMEOUT_MS = 5_000;

/** A file name for messages: user text, shown as text, cut so a long name cannot fill the screen. */
const shown = (name: string) => (name.length > 60 ? `${name.slice(0, 59)}…` : name);

// Extensions that name the sniffed type just as well: kept, so the user's file name survives.
const SAME_TYPE: Partial<Record<AudioMime, readonly string[]>> = { 'audio/mp4': ['m4a', 'mp4'] };

/** The name with an extension of its real type: providers choose the decoder by the upload's extension. */
export function audioNameForType(name: string, mime: AudioMime, ext: string): { name: string; ext: string } {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const current = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (current === ext || SAME_TYPE[mime]?.includes(current)) return { name, ext: current };
  return { name: `${stem || 'audio'}.${ext}`, ext };
}

/**
 * A recording the user chose, read as bytes for a transcription, or the sentence saying why not:
 * empty, over `maxBytes`, or not one of the accepted formats by its first bytes (whatever its name).
 */
export async function readAudioFile(
  file: File,
  { maxBytes = MAX_AUDIO_BYTES }: { maxBytes?: number } = {},
): Promise<{ bytes: Uint8Array<ArrayBuffer>; mime: AudioMime; name: string; ext: string } | { error: string }> {
  if (file.size === 0) return { error: `"${shown(file.name)}" is empty (0 bytes).` };
  if (file.size > maxBytes)
    return {
      error: `The recording is ${formatMegabytes(file.size, 'up')}; this provider takes at most ${formatMegabytes(maxBytes)}.`,
    };
  try {
    const type = sniffAudio(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
    if (!type)
      return {
        error: `"${shown(file.name)}" is not an ${ACCEPTED_AUDIO.label} file (checked from its first bytes).`,
      };
    const named = audioNameForType(file.name, type.mime, type.ext);
    return { bytes: new Uint8Array(await file.arrayBuffer()), mime: type.mime, ...named };
  } catch {
    // The file was moved or deleted after it was chosen, or the browser lost access to it.
    return { error: `"${shown(file.name)}" could not be read. Choose it again.` };
  }
}

/**
 * The length of a RIFF/WAVE recording from its header alone: the `fmt ` chunk's byte rate and the
 * `data` chunk's size. `totalBytes` is the whole file's size when `bytes` is only its beginning; a
 * data size left open (0 or 0xFFFFFFFF by streaming writers) or past the end counts what is there.
 */
export function wavDuration(bytes: Uint8Array, totalBytes = bytes.length): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return null;
  let byteRate: number | null = null;
  let dataBytes: number | null = null;
  for (let at = 12; at + 8 <= bytes.length && (byteRate === null || dataBytes === null);) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ' && size >= 16 && body + 16 <= bytes.length) byteRate = view.getUint32(body + 8, true);
    if (id === 'data') {
      const present = Math.max(0, totalBytes - body);
      dataBytes = size === 0 || size === 0xffffffff ? present : Math.min(size, present);
    }
    // Chunks are word-aligned: an odd size is followed by one pad byte.
    at = body + size + (size & 1);
  }
  if (!byteRate || dataBytes === null) return null;
  return dataBytes / byteRate;
}

/**
 * The length of a recording as the browser's audio decoder reads it from the metadata, or null
 * when it cannot tell within 5 s (unsupported codec, no metadata, not in a browser).
 */
export function audioDuration(blob: Blob, timeoutMs = DURATION_TIMEOUT_MS): Promise<number | null> {
  if (typeof document === 'undefined' || typeof URL.createObjectURL !== 'function') return Promise.resolve(null);
  return new Promise((resolve) => {
    const audio = document.createElement('audio');
    const url = URL.createObjectURL(blob);
    const events = ['loadedmetadata', 'durationchange', 'error'] as const;
    const finish = (seconds: number | null) => {
      clearTimeout(timer);
      for (const e of events) audio.removeEventListener(e, onEvent);
      audio.removeAttribute('src');
      audio.load();
      URL.revokeObjectURL(url);
      resolve(seconds);
    };
    const onEvent = (event: Event) => {
      if (event.type === 'error') return finish(null);
      const d = audio.duration;
      if (Number.isFinite(d) && d > 0) return finish(d);
      // Recordings from MediaRecorder (WebM) often state no length: seeking far past the end makes
      // the browser scan the file, and its durationchange then brings the real one.
      if (d === Infinity && event.type === 'loadedmetadata') audio.currentTime = Number.MAX_SAFE_INTEGER;
      else if (event.type === 'loadedmetadata') finish(null);
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    for (const e of events) audio.addEventListener(e, onEvent);
    audio.preload = 'metadata';
    audio.src = url;
  });
}

/** A length as people say it, rounded up to the second: "45 s", "3 min 5 s", "1 h 2 s". */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.ceil(seconds));
  const parts = [
    [Math.floor(total / 3600), 'h'],
    [Math.floor((total % 3600) / 60), 'min'],
    [total % 60, 's'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, unit]) => `${n} ${unit}`);
  return said.length > 0 ? said.join(' ') : '0 s';
}

/** The sentence refusing a recording longer than `maxSeconds`, or null when it is short enough. */
export function tooLong(seconds: number, maxSeconds = MAX_AUDIO_SECONDS): string | null {
  if (!(seconds > maxSeconds)) return null;
  return `The recording is ${formatDuration(seconds)} long; one request takes at most ${formatDuration(maxSeconds)}. Cut it into shorter parts.`;
}
