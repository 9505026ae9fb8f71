import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  audioDuration,
  audioNameForType,
  formatDuration,
  MAX_AUDIO_BYTES,
  MAX_AUDIO_SECONDS,
  readAudioFile,
  tooLong,
  wavDuration,
} from './audio-file';

/** A PCM WAV built by hand: RIFF header, optional extra chunk, `fmt `, then `data` of `dataBytes` zeros. */
function wav({
  sampleRate = 16_000,
  channels = 1,
  bits = 16,
  dataBytes = 32_000,
  declaredData = dataBytes,
  extra = 0,
}: {
  sampleRate?: number;
  channels?: number;
  bits?: number;
  dataBytes?: number;
  declaredData?: number;
  extra?: number;
} = {}) {
  const extraChunk = extra > 0 ? 8 + extra + (extra & 1) : 0;
  const out = new Uint8Array(12 + extraChunk + 24 + 8 + dataBytes);
  const v = new DataView(out.buffer);
  const tag = (at: number, s: string) => [...s].forEach((c, i) => v.setUint8(at + i, c.charCodeAt(0)));
  tag(0, 'RIFF');
  v.setUint32(4, out.length - 8, true);
  tag(8, 'WAVE');
  let at = 12;
  if (extra > 0) {
    tag(at, 'LIST');
    v.setUint32(at + 4, extra, true);
    at += extraChunk;
  }
  tag(at, 'fmt ');
  v.setUint32(at + 4, 16, true);
  v.setUint16(at + 8, 1, true); // PCM
  v.setUint16(at + 10, channels, true);
  v.setUint32(at + 12, sampleRate, true);
  v.setUint32(at + 16, (sampleRate * channels * bits) / 8, true);
  v.setUint16(at + 20, (channels * bits) / 8, true);
  v.setUint16(at + 22, bits, true);
  at += 24;
  tag(at, 'data');
  v.setUint32(at + 4, declaredData, true);
  return out;
}

const file = (bytes: number[] | Uint8Array, name: string, type = '') =>
  new File([Uint8Array.from(bytes)], name, { type });
const MP3_FRAME = [0xff, 0xfb, 0x50, 0xc4, 0, 0, 0, 0];

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('wavDuration', () => {
  it('is the data size over the byte rate', () => {
    expect(wavDuration(wav())).toBe(1);
    expect(wavDuration(wav({ sampleRate: 44_100, channels: 2, dataBytes: 44_100 * 4 * 3 }))).toBe(3);
    expect(wavDuration(wav({ sampleRate: 8_000, bits: 8, dataBytes: 4_000 }))).toBe(0.5);
  });

  it('walks past other chunks, odd sizes padded', () => {
    expect(wavDuration(wav({ extra: 7 }))).toBe(1);
    expect(wavDuration(wav({ extra: 120 }))).toBe(1);
  });

  it('reads the length from the header alone when told the file size', () => {
    const whole = wav({ dataBytes: 160_000 });
    expect(wavDuration(whole.subarray(0, 44), whole.length)).toBe(5);
    // Without the size, only the bytes at hand are counted.
    expect(wavDuration(whole.subarray(0, 44 + 16_000))).toBe(0.5);
  });

  it('counts what is there when the data size is left open or runs past the end', () => {
    expect(wavDuration(wav({ dataBytes: 64_000, declaredData: 0 }))).toBe(2);
    expect(wavDuration(wav({ dataBytes: 64_000, declaredData: 0xffffffff }))).toBe(2);
    expect(wavDuration(wav({ dataBytes: 16_000, declaredData: 1_000_000 }))).toBe(0.5);
  });

  it('is null for anything that is not a WAV with a byte rate and data', () => {
    expect(wavDuration(new Uint8Array(0))).toBeNull();
    expect(wavDuration(Uint8Array.from(MP3_FRAME))).toBeNull();
    expect(wavDuration(wav().subarray(0, 36))).toBeNull(); // cut inside fmt
    const zeroRate = wav();
    new DataView(zeroRate.buffer).setUint32(28, 0, true);
    expect(wavDuration(zeroRate)).toBeNull();
    const webp = wav();
    webp.set([0x57, 0x45, 0x42, 0x50], 8);
    expect(wavDuration(webp)).toBeNull();
  });
});

describe('readAudioFile', () => {
  it('reads a WAV whole, typed from its bytes', async () => {
    const bytes = wav({ dataBytes: 10 });
    const got = await readAudioFile(file(bytes, 'note.wav', 'audio/wav'));
    expect(got).toEqual({ bytes, mime: 'audio/wav', name: 'note.wav', ext: 'wav' });
  });

  it('goes by the first bytes, not the name or declared type, and renames to match', async () => {
    expect(await readAudioFile(file(MP3_FRAME, 'voice.wav', 'audio/wav'))).toMatchObject({
      mime: 'audio/mpeg',
      name: 'voice.mp3',
      ext: 'mp3',
    });
    expect(await readAudioFile(file([...new TextEncoder().encode('<html>')], 'song.mp3', 'audio/mpeg'))).toEqual({
      error: '"song.mp3" is not an MP3, WAV, M4A, OGG, WebM or FLAC file (checked from its first bytes).',
    });
  });

  it('refuses an empty file and one over the limit, stating both sizes', async () => {
    expect(await readAudioFile(file([], 'blank.wav'))).toEqual({ error: '"blank.wav" is empty (0 bytes).' });
    const big = new File([new Uint8Array(MAX_AUDIO_BYTES + 1)], 'big.wav');
    expect(await readAudioFile(big)).toEqual({ error: 'The recording is 25.1 MB; this provider takes at most 25 MB.' });
    const mib = 1024 * 1024;
    const mp3 = new File([Uint8Array.from(MP3_FRAME), new Uint8Array(1.5 * mib)], 'a.mp3');
    expect(await readAudioFile(mp3, { maxBytes: mib })).toEqual({
      error: 'The recording is 1.6 MB; this provider takes at most 1 MB.',
    });
  });

  it('says so when the file can no longer be read', async () => {
    const gone = file(MP3_FRAME, 'gone.mp3');
    vi.spyOn(gone, 'slice').mockImplementation(() => {
      throw new Error('NotReadableError');
    });
    expect(await readAudioFile(gone)).toEqual({ error: '"gone.mp3" could not be read. Choose it again.' });
  });
});

describe('audioNameForType', () => {
  it('keeps a matching extension and swaps a wrong or missing one', () => {
    expect(audioNameForType('a.M4A', 'audio/mp4', 'mp4')).toEqual({ name: 'a.M4A', ext: 'm4a' });
    expect(audioNameForType('a.mp4', 'audio/mp4', 'm4a')).toEqual({ name: 'a.mp4', ext: 'mp4' });
    expect(audioNameForType('talk.opus', 'audio/ogg', 'ogg')).toEqual({ name: 'talk.ogg', ext: 'ogg' });
    expect(audioNameForType('recording', 'audio/webm', 'webm')).toEqual({ name: 'recording.webm', ext: 'webm' });
    expect(audioNameForType('.hidden', 'audio/flac', 'flac')).toEqual({ name: '.hidden.flac', ext: 'flac' });
  });
});

/** A stand-in audio element: records what was set and lets the test fire its events. */
function fakeAudio() {
  const listeners = new Map<string, (e: Event) => void>();
  const el = {
    duration: NaN,
    currentTime: 0,
    preload: '',
    src: '',
    addEventListener: (type: string, fn: (e: Event) => void) => listeners.set(type, fn),
    removeEventListener: (type: string) => listeners.delete(type),
    removeAttribute: vi.fn(),
    load: vi.fn(),
    fire(type: string, duration?: number) {
      if (duration !== undefined) el.duration = duration;
      listeners.get(type)?.({ type } as Event);
    },
    listeners,
  };
  vi.stubGlobal('document', { createElement: () => el });
  const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:audio-1');
  return { el, revoke };
}

describe('audioDuration', () => {
  it('is the duration from the metadata, and cleans up after itself', async () => {
    const { el, revoke } = fakeAudio();
    const got = audioDuration(new Blob(['x']));
    expect(el.src).toBe('blob:audio-1');
    expect(el.preload).toBe('metadata');
    el.fire('loadedmetadata', 12.5);
    expect(await got).toBe(12.5);
    expect(revoke).toHaveBeenCalledWith('blob:audio-1');
    expect(el.removeAttribute).toHaveBeenCalledWith('src');
    expect(el.listeners.size).toBe(0);
  });

  it('seeks to the end of a recording that states no length and takes the length it finds', async () => {
    const { el } = fakeAudio();
    const got = audioDuration(new Blob(['x']));
    el.fire('loadedmetadata', Infinity);
    expect(el.currentTime).toBeGreaterThan(1e9);
    el.fire('durationchange', 42);
    expect(await got).toBe(42);
  });

  it('is null on a decoding error, an unusable length, or after 5 s', async () => {
    let f = fakeAudio();
    let got = audioDuration(new Blob(['x']));
    f.el.fire('error');
    expect(await got).toBeNull();

    f = fakeAudio();
    got = audioDuration(new Blob(['x']));
    f.el.fire('loadedmetadata', 0);
    expect(await got).toBeNull();

    vi.useFakeTimers();
    f = fakeAudio();
    got = audioDuration(new Blob(['x']));
    vi.advanceTimersByTime(4_999);
    f.el.fire('durationchange', NaN);
    vi.advanceTimersByTime(1);
    expect(await got).toBeNull();
    expect(f.revoke).toHaveBeenCalled();
  });

  it('is null outside a browser', async () => {
    expect(await audioDuration(new Blob(['x']))).toBeNull();
  });
});

describe('tooLong and formatDuration', () => {
  it('refuses a recording over 30 minutes with both lengths, and lets the rest through', () => {
    expect(tooLong(MAX_AUDIO_SECONDS)).toBeNull();
    expect(tooLong(12)).toBeNull();
    expect(tooLong(NaN)).toBeNull();
    expect(tooLong(MAX_AUDIO_SECONDS + 0.2)).toBe(
      'The recording is 30 min 1 s long; one request takes at most 30 min. Cut it into shorter parts.',
    );
  });

  it('says a length the way people do, rounded up to the second', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(44.1)).toBe('45 s');
    expect(formatDuration(185)).toBe('3 min 5 s');
    expect(formatDuration(3602)).toBe('1 h 2 s');
    expect(formatDuration(7260)).toBe('2 h 1 min');
  });
});
