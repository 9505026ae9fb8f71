import { describe, expect, it } from 'vitest';
import { makeWav, transcribe } from './audio.js';
import { transcriptSegments } from './segments.js';

describe('transcriptSegments', () => {
  it('covers the whole duration with consecutive segments whose texts join to the transcript', () => {
    for (const seconds of [0.5, 2, 3.2, 7.25, 61]) {
      const { text, durationSeconds } = transcribe(makeWav(seconds), 'a.wav');
      const segments = transcriptSegments(text, durationSeconds);
      expect(segments.length).toBeGreaterThan(1);
      expect(segments[0]?.start).toBe(0);
      expect(segments.at(-1)?.end).toBe(durationSeconds);
      segments.forEach((s, i) => {
        expect(s.id).toBe(i);
        expect(s.end).toBeGreaterThanOrEqual(s.start);
        if (i > 0) expect(s.start).toBe(segments[i - 1]?.end);
        expect(s.text.split(' ').length).toBeLessThanOrEqual(8);
      });
      expect(segments.map((s) => s.text).join(' ')).toBe(text);
    }
  });

  it('cuts at sentence ends and shares time by length', () => {
    const segments = transcriptSegments('Hello there. This is a much longer second sentence here.', 10);
    expect(segments.map((s) => s.text)).toEqual(['Hello there.', 'This is a much longer second sentence here.']);
    expect(segments[0]!.end - segments[0]!.start).toBeLessThan(segments[1]!.end - segments[1]!.start);
  });

  it('gives numbers in seconds, rounded to milliseconds', () => {
    const segments = transcriptSegments('one two three four five six seven eight nine ten eleven', 1);
    for (const s of segments) {
      expect(typeof s.start).toBe('number');
      expect(Math.round(s.start * 1000) / 1000).toBe(s.start);
    }
  });

  it('answers one empty segment for an empty transcript', () => {
    expect(transcriptSegments('', 2)).toEqual([{ id: 0, start: 0, end: 2, text: '' }]);
  });
});
