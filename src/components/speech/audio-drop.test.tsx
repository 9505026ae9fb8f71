// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACCEPTED_AUDIO } from '../../lib/media/sniff';
import { AudioDrop } from './audio-drop';

afterEach(cleanup);

const mp3 = () => new File([new Uint8Array([0x49, 0x44, 0x33])], 'talk.mp3', { type: 'audio/mpeg' });
const png = () => new File([new Uint8Array([0x89, 0x50])], 'fox.png', { type: 'image/png' });

const button = () => screen.getByRole('button', { name: 'Choose an audio file' });
const fileInput = () => document.querySelector<HTMLInputElement>('input[type="file"]')!;
const zone = () => button().parentElement!;

function paste(files: File[]) {
  const event = new Event('paste', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'clipboardData', { value: { files, items: [] } });
  document.dispatchEvent(event);
  return event;
}

describe('AudioDrop', () => {
  it('opens a file picker for the accepted audio types, and says which they are', () => {
    render(<AudioDrop onAudio={() => {}} />);
    const click = vi.spyOn(fileInput(), 'click').mockImplementation(() => {});
    fireEvent.click(button());
    expect(click).toHaveBeenCalledOnce();
    expect(fileInput().accept).toBe(ACCEPTED_AUDIO.accept);
    const hint = document.getElementById(button().getAttribute('aria-describedby')!);
    expect(hint?.textContent).toContain('MP3, WAV, M4A, OGG, WebM or FLAC');
  });

  it('calls onAudio with the chosen file', () => {
    const onAudio = vi.fn();
    render(<AudioDrop onAudio={onAudio} />);
    const file = mp3();
    fireEvent.change(fileInput(), { target: { files: [file] } });
    expect(onAudio).toHaveBeenCalledExactlyOnceWith(file);
  });

  it('calls onAudio with the dropped recording, preferred over a picture dropped with it', () => {
    const onAudio = vi.fn();
    render(<AudioDrop onAudio={onAudio} />);
    const file = mp3();
    fireEvent.drop(zone(), { dataTransfer: { files: [png(), file] } });
    expect(onAudio).toHaveBeenCalledExactlyOnceWith(file);
  });

  it('takes a pasted recording and leaves a pasted picture alone', () => {
    const onAudio = vi.fn();
    render(<AudioDrop onAudio={onAudio} />);
    expect(paste([png()]).defaultPrevented).toBe(false);
    const file = mp3();
    expect(paste([file]).defaultPrevented).toBe(true);
    expect(onAudio).toHaveBeenCalledExactlyOnceWith(file);
  });

  it('shows the caller’s error and takes nothing while disabled', () => {
    const onAudio = vi.fn();
    render(<AudioDrop onAudio={onAudio} disabled error="This is not an audio file." />);
    expect((button() as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('This is not an audio file.')).toBeDefined();
    fireEvent.drop(zone(), { dataTransfer: { files: [mp3()] } });
    expect(onAudio).not.toHaveBeenCalled();
  });
});
