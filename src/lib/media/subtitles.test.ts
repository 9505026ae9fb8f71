import { describe, expect, it } from 'vitest';
import { toSrt, toVtt, transcriptFileName } from './subtitles';
import type { Segment } from './transcript';

interface Cue {
  id: string;
  start: number;
  end: number;
  text: string;
}

const seconds = (h: string, m: string, s: string, ms: string) => +h * 3600 + +m * 60 + +s + +ms / 1000;

/** A strict reader of the files written here: blocks split by blank lines, id, timing line, text lines. */
function readCues(blocks: string[], sep: ',' | '.'): Cue[] {
  const timing = new RegExp(
    `^(\\d{2,}):(\\d{2}):(\\d{2})\\${sep}(\\d{3}) --> (\\d{2,}):(\\d{2}):(\\d{2})\\${sep}(\\d{3})$`,
  );
  return blocks.map((block) => {
    const [id, time, ...text] = block.split('\n');
    const m = timing.exec(time ?? '');
    if (!m || !id || text.length === 0) throw new Error(`bad cue: ${JSON.stringify(block)}`);
    for (const line of text) if (line.includes('-->') || line.trim() === '') throw new Error(`bad text: ${line}`);
    const [, h1, m1, s1, ms1, h2, m2, s2, ms2] = m as unknown as string[];
    return {
      id,
      start: seconds(h1!, m1!, s1!, ms1!),
      end: seconds(h2!, m2!, s2!, ms2!),
      text: text.join('\n'),
    };
  });
}

function parseSrt(file: string): Cue[] {
  expect(file.endsWith('\n')).toBe(true);
  return file === '' ? [] : readCues(file.slice(0, -1).split('\n\n'), ',');
}

function parseVtt(file: string): Cue[] {
  expect(file.startsWith('WEBVTT\n\n') || file === 'WEBVTT\n').toBe(true);
  const body = file.slice('WEBVTT\n\n'.length);
  return body === '' ? [] : readCues(body.slice(0, -1).split('\n\n'), '.');
}

const unescapeVtt = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const segments: Segment[] = [
  { id: 0, start: 0, end: 1.5, text: ' Hello there.' },
  { id: 1, start: 1.5, end: 62.345, text: 'Two\r\nlines\rand\u2028more' },
  { id: 2, start: 3723.4567, end: 3725, text: 'an hour in' },
];

describe('toSrt', () => {
  it('writes numbered cues with comma timings, round-tripping times and text', () => {
    const srt = toSrt(segments);
    expect(srt.startsWith('1\n00:00:00,000 --> 00:00:01,500\nHello there.\n\n2\n00:00:01,500 --> 00:01:02,345\n')).toBe(
      true,
    );
    expect(parseSrt(srt)).toEqual([
      { id: '1', start: 0, end: 1.5, text: 'Hello there.' },
      { id: '2', start: 1.5, end: 62.345, text: 'Two\nlines\nand\nmore' },
      { id: '3', start: 3723.457, end: 3725, text: 'an hour in' },
    ]);
  });

  it('neutralises arrows and blank lines that would break the file, and skips empty cues', () => {
    const srt = toSrt([
      { id: 0, start: 0, end: 1, text: 'a --> b ---> c' },
      { id: 1, start: 1, end: 2, text: '  \n \n' },
      { id: 2, start: 2, end: 3, text: 'para one\n\n\npara two\n2\n00:00:09,000 --> 00:00:10,000' },
    ]);
    const cues = parseSrt(srt);
    expect(cues.map((c) => c.text)).toEqual(['a -> b -> c', 'para one\npara two\n2\n00:00:09,000 -> 00:00:10,000']);
    expect(cues.map((c) => c.id)).toEqual(['1', '2']);
  });

  it('writes nothing for no segments', () => {
    expect(toSrt([])).toBe('');
  });

  it('writes hours past 99 with more digits', () => {
    expect(toSrt([{ id: 0, start: 360_000, end: 360_001.0004, text: 'x' }])).toBe(
      '1\n100:00:00,000 --> 100:00:01,000\nx\n',
    );
  });
});

describe('toVtt', () => {
  it('writes the header and cues with dot timings, round-tripping times and text', () => {
    const vtt = toVtt(segments);
    expect(vtt.startsWith('WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.500\nHello there.\n\n')).toBe(true);
    expect(parseVtt(vtt)).toEqual([
      { id: '1', start: 0, end: 1.5, text: 'Hello there.' },
      { id: '2', start: 1.5, end: 62.345, text: 'Two\nlines\nand\nmore' },
      { id: '3', start: 3723.457, end: 3725, text: 'an hour in' },
    ]);
  });

  it('escapes markup so a player shows the text as written', () => {
    const text = '<b>bold</b> & <00:00:01.000> <c.x> written &lt;b&gt; &amp;';
    const [cue] = parseVtt(toVtt([{ id: 0, start: 0, end: 1, text }]));
    expect(cue!.text).not.toMatch(/[<>]/);
    expect(unescapeVtt(cue!.text)).toBe(text);
  });

  it('neutralises arrows, so no text line reads as a timing line', () => {
    const [cue] = parseVtt(toVtt([{ id: 0, start: 0, end: 1, text: '00:00:01.000 --> 00:00:02.000' }]));
    expect(cue!.text).toBe('00:00:01.000 -&gt; 00:00:02.000');
  });

  it('is just the header for no segments', () => {
    expect(toVtt([])).toBe('WEBVTT\n');
  });
});

describe('transcriptFileName', () => {
  it('names the file after the recording, without its extension', () => {
    expect(transcriptFileName('Team meeting.mp3', 'stt-1a2b3c4d-5e6f', 'srt')).toBe('team-meeting-stt-1a2b3c4d.srt');
    expect(transcriptFileName('interview_2024.05.wav', null, 'vtt')).toBe('interview-2024-05.vtt');
  });

  it('falls back to "transcript" and keeps unsafe names off the file system', () => {
    expect(transcriptFileName(null, 'stt-9', 'txt')).toBe('transcript-stt-9.txt');
    expect(transcriptFileName('.mp3', null, 'json')).toBe('mp3.json');
    expect(transcriptFileName('../../etc/passwd.wav', null, 'srt')).toBe('etc-passwd.srt');
    expect(transcriptFileName('con.wav', null, 'srt')).toBe('con-transcript.srt');
  });
});
