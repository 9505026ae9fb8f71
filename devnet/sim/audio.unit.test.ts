import { describe, it, expect } from 'vitest';
import { makeWav, transcribe, wavDurationSeconds } from './audio.js';

describe('wav', () => {
  it('reads back the duration makeWav wrote', () => {
    const wav = makeWav(2.5);
    expect(wav.length).toBe(44 + 2.5 * 16000 * 2);
    expect(wavDurationSeconds(wav)).toBeCloseTo(2.5, 6);
    expect(wavDurationSeconds(makeWav(1, 44100))).toBeCloseTo(1, 6);
  });

  it('returns null for anything that is not WAV', () => {
    expect(wavDurationSeconds(Buffer.from('ID3 this is an mp3, honest'))).toBeNull();
    expect(wavDurationSeconds(Buffer.alloc(0))).toBeNull();
    expect(wavDurationSeconds(makeWav(1).subarray(0, 30))).toBeNull();
  });

  it('skips unknown chunks and tolerates a truncated data chunk', () => {
    const wav = makeWav(1);
    const extra = Buffer.alloc(8 + 3 + 1);
    extra.write('LIST', 0, 'latin1');
    extra.writeUInt32LE(3, 4);
    const withList = Buffer.concat([wav.subarray(0, 36), extra, wav.subarray(36)]);
    expect(wavDurationSeconds(withList)).toBeCloseTo(1, 6);
    expect(wavDurationSeconds(wav.subarray(0, 44 + 16000))).toBeCloseTo(0.5, 6);
  });
});

describe('transcribe', () => {
  it('is deterministic and states the duration', () => {
    const wav = makeWav(3.2);
    const a = transcribe(wav, 'speech.wav');
    const b = transcribe(Buffer.from(wav), 'speech.wav');
    expect(a).toEqual(b);
    expect(a.durationSeconds).toBeCloseTo(3.2, 3);
    expect(a.text).toMatch(/^Simulated transcript of 3\.2 seconds of audio: \S.+/);
  });

  it('varies the sentence with the audio', () => {
    const texts = new Set(
      [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4].map((s) => transcribe(makeWav(s), 'a.wav').text.split(': ')[1]),
    );
    expect(texts.size).toBeGreaterThan(1);
  });

  it('estimates the duration of audio it cannot parse', () => {
    const mp3 = Buffer.alloc(48000, 7);
    const result = transcribe(mp3, 'clip.mp3');
    expect(result.durationSeconds).toBe(3);
    expect(result.text).toContain('3.0 seconds');
    const tiny = transcribe(Buffer.from('ID3'), 'tiny.mp3');
    expect(tiny.durationSeconds).toBe(1);
    expect(tiny.text).toContain('1.0 seconds');
  });
});
