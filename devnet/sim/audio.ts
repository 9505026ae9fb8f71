import { createHash } from 'node:crypto';

// Roughly a 128 kbit/s compressed stream, the common case for mp3/m4a uploads we cannot parse.
const FALLBACK_BYTES_PER_SECOND = 16000;

const SENTENCES = [
  'the quick brown fox jumps over the lazy dog.',
  "please remember to bring the quarterly report to tomorrow morning's meeting.",
  'the weather today is mild with a light breeze coming in from the west.',
  'thank you for calling, all of our operators are currently busy helping other customers.',
  'to get started, open the settings page and choose a provider from the list.',
  'the train to the city centre leaves from platform four in ten minutes.',
  'we measured the results twice and they matched the simulation closely.',
  'she sells sea shells by the sea shore, and the shells she sells are surely sea shells.',
] as const;

/** Duration in seconds of a RIFF/WAVE file from its `fmt ` and `data` chunks, or null when it is not one. */
export function wavDurationSeconds(buf: Buffer): number | null {
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== 'RIFF' || buf.toString('latin1', 8, 12) !== 'WAVE') {
    return null;
  }
  let byteRate: number | null = null;
  let dataBytes: number | null = null;
  let offset = 12;
  while (offset + 8 <= buf.length) {
    const id = buf.toString('latin1', offset, offset + 4);
    const declared = buf.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ' && body + 12 <= buf.length) {
      byteRate = buf.readUInt32LE(body + 8);
    } else if (id === 'data') {
      // Streaming writers leave the size as 0 or 0xFFFFFFFF, and uploads may be cut short: trust what is present.
      dataBytes = declared === 0 || body + declared > buf.length ? buf.length - body : declared;
      break;
    }
    // Chunks are word-aligned: an odd-sized chunk is followed by one pad byte.
    offset = body + declared + (declared & 1);
  }
  if (!byteRate || dataBytes === null) return null;
  return dataBytes / byteRate;
}

/**
 * Deterministic stand-in for speech-to-text: the same bytes always give the same transcript, and the text states the
 * duration so a user can tell their file arrived intact. `filename` mirrors the OpenAI form field; the result depends
 * only on the audio bytes, as a real transcript would.
 */
export function transcribe(audio: Buffer, filename: string): { text: string; durationSeconds: number } {
  void filename;
  const wav = wavDurationSeconds(audio);
  const seconds = wav ?? Math.max(1, audio.length / FALLBACK_BYTES_PER_SECOND);
  const durationSeconds = Math.round(seconds * 1000) / 1000;
  const digest = createHash('sha256').update(audio).digest();
  const sentence = SENTENCES[(digest[0] ?? 0) % SENTENCES.length] ?? SENTENCES[0];
  return { text: `Simulated transcript of ${seconds.toFixed(1)} seconds of audio: ${sentence}`, durationSeconds };
}

/** Synthesizes a 16-bit mono PCM WAV holding a 440 Hz sine wave of the given length. */
export function makeWav(seconds: number, sampleRate = 16000): Buffer {
  if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`Invalid WAV duration ${seconds}`);
  if (!Number.isInteger(sampleRate) || sampleRate <= 0) throw new Error(`Invalid WAV sample rate ${sampleRate}`);
  const samples = Math.round(seconds * sampleRate);
  const dataBytes = samples * 2;
  const buf = Buffer.alloc(44 + dataBytes);
  buf.write('RIFF', 0, 'latin1');
  buf.writeUInt32LE(36 + dataBytes, 4);
  buf.write('WAVE', 8, 'latin1');
  buf.write('fmt ', 12, 'latin1');
  buf.writeUInt32LE(16, 16); // PCM fmt chunk size
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(sampleRate, 24);
  buf.writeUInt32LE(sampleRate * 2, 28); // byte rate
  buf.writeUInt16LE(2, 32); // block align
  buf.writeUInt16LE(16, 34); // bits per sample
  buf.write('data', 36, 'latin1');
  buf.writeUInt32LE(dataBytes, 40);
  // A third of full scale keeps the tone audible without clipping when players normalise.
  for (let i = 0; i < samples; i++) {
    buf.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / sampleRate) * 0x7fff * 0.3), 44 + i * 2);
  }
  return buf;
}
