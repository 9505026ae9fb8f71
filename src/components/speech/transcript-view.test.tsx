// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Segment } from '../../lib/media/transcript';
import { TranscriptView } from './transcript-view';

const SEGMENTS: Segment[] = [
  { id: 0, start: 0, end: 2.5, text: ' Hello there.' },
  { id: 1, start: 2.5, end: 65, text: ' A long middle part.' },
  { id: 2, start: 70, end: 72, text: ' <b>Bye</b>' },
];

const audioBlob = () => new Blob([new Uint8Array([1, 2, 3])], { type: 'audio/webm' });
const player = () => document.querySelector('audio')!;
const segmentButtons = () => within(screen.getByRole('list', { name: 'Segments' })).getAllByRole('button');
const current = () => segmentButtons().filter((b) => b.getAttribute('aria-current') === 'true');

function playTo(seconds: number) {
  player().currentTime = seconds;
  fireEvent.timeUpdate(player());
}

beforeEach(() => {
  // happy-dom has no blob: URLs of its own.
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:transcript-audio');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('TranscriptView', () => {
  it('plays the audio from a blob: URL and lists the segments as "m:ss – text"', () => {
    render(<TranscriptView text="Hello there. A long middle part. Bye" segments={SEGMENTS} audio={audioBlob()} />);
    expect(player().getAttribute('src')).toBe('blob:transcript-audio');
    expect(player().controls).toBe(true);
    expect(segmentButtons().map((b) => b.textContent)).toEqual([
      '0:00 – Hello there.',
      '0:02 – A long middle part.',
      '1:10 – <b>Bye</b>',
    ]);
    // Markup in the provider's text stays text.
    expect(document.querySelector('b')).toBeNull();
  });

  it('seeks to a segment’s start and plays when it is pressed', () => {
    render(<TranscriptView text="" segments={SEGMENTS} audio={audioBlob()} />);
    const play = vi.spyOn(player(), 'play').mockResolvedValue();
    fireEvent.click(screen.getByRole('button', { name: '1:10 – <b>Bye</b>' }));
    expect(player().currentTime).toBe(70);
    expect(play).toHaveBeenCalledOnce();
    expect(current().map((b) => b.textContent)).toEqual(['1:10 – <b>Bye</b>']);
  });

  it('marks the segment being played as the audio plays, and none in a gap', () => {
    render(<TranscriptView text="" segments={SEGMENTS} audio={audioBlob()} />);
    expect(current()).toEqual([]);
    playTo(1);
    expect(current().map((b) => b.textContent)).toEqual(['0:00 – Hello there.']);
    playTo(2.5);
    expect(current().map((b) => b.textContent)).toEqual(['0:02 – A long middle part.']);
    playTo(67);
    expect(current()).toEqual([]);
    playTo(72);
    expect(current().map((b) => b.textContent)).toEqual(['1:10 – <b>Bye</b>']);
  });

  it('shows the text as a paragraph with its line breaks when there are no segments', () => {
    const text = 'First line.\n  Second <i>line</i>.';
    render(<TranscriptView text={text} segments={null} audio={audioBlob()} />);
    expect(screen.queryByRole('list')).toBeNull();
    const paragraph = document.querySelector('p')!;
    expect(paragraph.textContent).toBe(text);
    expect(paragraph.className).toContain('whitespace-pre-wrap');
    expect(document.querySelector('i')).toBeNull();
  });

  it('treats an empty segment list as none, and says when the transcript is empty', () => {
    render(<TranscriptView text="  " segments={[]} audio={null} />);
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.getByText('The transcript is empty: no speech was found.')).toBeDefined();
  });

  it('lists the segments as plain text when there is no audio to seek', () => {
    render(<TranscriptView text="" segments={SEGMENTS} audio={null} />);
    expect(document.querySelector('audio')).toBeNull();
    const list = screen.getByRole('list', { name: 'Segments' });
    expect(within(list).queryAllByRole('button')).toEqual([]);
    expect(within(list).getAllByRole('listitem')[0]!.textContent).toBe('0:00 – Hello there.');
  });
});
