import { describe, expect, it } from 'vitest';
import { parseTranscript, segmentAt, type Segment } from './transcript';

const bytes = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
const usage = { type: 'tokens', input_tokens: 52, output_tokens: 9, total_tokens: 61 };

describe('parseTranscript', () => {
  it('reads a verbose_json answer as the devnet sends it', () => {
    const t = parseTranscript(
      bytes({
        task: 'transcribe',
        language: 'english',
        duration: 5.2,
        text: 'Hello there. General Kenobi.',
        segments: [
          { id: 0, start: 0, end: 2.1, text: 'Hello there.' },
          { id: 1, start: 2.1, end: 5.2, text: 'General Kenobi.' },
        ],
        usage,
      }),
    );
    expect(t).toEqual({
      text: 'Hello there. General Kenobi.',
      language: 'english',
      durationS: 5.2,
      segments: [
        { id: 0, start: 0, end: 2.1, text: 'Hello there.' },
        { id: 1, start: 2.1, end: 5.2, text: 'General Kenobi.' },
      ],
      usage: { prompt_tokens: 52, completion_tokens: 9, total_tokens: 61 },
    });
  });

  it('reads a json answer: text and usage, no segments, length or language', () => {
    expect(parseTranscript(bytes({ text: 'hi', usage }))).toEqual({
      text: 'hi',
      language: null,
      durationS: null,
      segments: null,
      usage: { prompt_tokens: 52, completion_tokens: 9, total_tokens: 61 },
    });
  });

  it('takes the length from a duration usage, which has no tokens', () => {
    const t = parseTranscript(bytes({ text: 'hi', usage: { type: 'duration', seconds: 3 } }));
    expect(t).toMatchObject({ durationS: 3, usage: null });
  });

  it('drops segments that cannot be timed or shown, and those out of order', () => {
    const t = parseTranscript(
      bytes({
        text: 'x',
        segments: [
          { id: 0, start: 0, end: 1, text: 'a' },
          { id: 1, start: 2, end: 1, text: 'ends before it starts' },
          { id: 2, start: -1, end: 1, text: 'negative' },
          { id: 3, start: '1', end: 2, text: 'string time' },
          { id: 4, start: 1, end: 2, text: 42 },
          { id: 5, start: 1, end: 2 },
          null,
          'segment',
          { id: 6, start: 3, end: 4, text: 'b' },
          { id: 7, start: 2.5, end: 3, text: 'before b' },
          { start: 4, end: 4, text: 'no id, zero length' },
          { id: 1e300, start: 5, end: 6, text: 'id not safe' },
        ],
      }),
    );
    expect(t.segments).toEqual([
      { id: 0, start: 0, end: 1, text: 'a' },
      { id: 6, start: 3, end: 4, text: 'b' },
      { id: 2, start: 4, end: 4, text: 'no id, zero length' },
      { id: 3, start: 5, end: 6, text: 'id not safe' },
    ]);
  });

  it('keeps provider text as it is: markup and control characters are just text', () => {
    const text = '<img src=x onerror=alert(1)> --> \u202e\u0000';
    const t = parseTranscript(bytes({ text, segments: [{ id: 0, start: 0, end: 1, text }] }));
    expect(t.text).toBe(text);
    expect(t.segments?.[0]?.text).toBe(text);
  });

  it('ignores a length or language of the wrong kind and cuts a long language', () => {
    const t = parseTranscript(bytes({ text: '', duration: -3, language: 7 }));
    expect(t).toMatchObject({ durationS: null, language: null, segments: null });
    expect(parseTranscript(bytes({ text: '', language: 'x'.repeat(500) })).language).toHaveLength(40);
    expect(parseTranscript(bytes({ text: '', language: '  ' })).language).toBeNull();
    expect(parseTranscript(bytes({ text: '', segments: 'none' })).segments).toBeNull();
  });

  it('throws a sentence for bytes that are not a transcription answer', () => {
    expect(() => parseTranscript(bytes('<html>502 Bad Gateway</html>'))).toThrow(
      'The provider’s answer is not a transcription (it is not JSON).',
    );
    expect(() => parseTranscript(Uint8Array.from([0x7b, 0xff, 0x7d]))).toThrow('not JSON');
    expect(() => parseTranscript(bytes({ error: { message: 'no' } }))).toThrow(
      'The provider’s answer is not a transcription (it has no text).',
    );
    expect(() => parseTranscript(bytes(['text']))).toThrow('has no text');
    expect(() => parseTranscript(bytes('"text"'))).toThrow('has no text');
  });
});

describe('segmentAt', () => {
  const segments: Segment[] = [
    { id: 0, start: 0, end: 2, text: 'a' },
    { id: 1, start: 2, end: 4.5, text: 'b' },
    { id: 2, start: 6, end: 8, text: 'c' },
  ];

  it('finds the segment being played; a boundary belongs to the next one', () => {
    expect(segmentAt(segments, 0)).toBe(0);
    expect(segmentAt(segments, 1.999)).toBe(0);
    expect(segmentAt(segments, 2)).toBe(1);
    expect(segmentAt(segments, 7)).toBe(2);
  });

  it('holds the last segment at its very end, where playback stops', () => {
    expect(segmentAt(segments, 8)).toBe(2);
    expect(segmentAt(segments, 8.01)).toBeNull();
  });

  it('is null in a gap, before the first segment, for no segments and for a time that is not one', () => {
    expect(segmentAt(segments, 5)).toBeNull();
    expect(segmentAt([{ id: 0, start: 1, end: 2, text: '' }], 0.5)).toBeNull();
    expect(segmentAt([], 1)).toBeNull();
    expect(segmentAt(segments, NaN)).toBeNull();
  });

  it('agrees with a plain scan over many segments', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ id: i, start: i * 3, end: i * 3 + 2, text: '' }));
    for (const t of [0, 1.5, 2.5, 299, 300, 1000.9, 1497, 1498, 1499]) {
      const scan = many.findIndex((s, i) => t >= s.start && (t < s.end || (i === many.length - 1 && t <= s.end)));
      expect(segmentAt(many, t)).toBe(scan === -1 ? null : scan);
    }
  });
});
