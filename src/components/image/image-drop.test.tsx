// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImageDrop } from './image-drop';

afterEach(cleanup);

const png = () => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'fox.png', { type: 'image/png' });
const text = () => new File(['hello'], 'notes.txt', { type: 'text/plain' });

const fileInput = () => document.querySelector<HTMLInputElement>('input[type="file"]')!;
const zone = () => screen.getByRole('button', { name: 'Choose an image' }).parentElement!;

/** Dispatches a paste on the document, as the browser does, with the given clipboard contents. */
function paste(data: { files?: File[]; items?: { kind: string; type: string; getAsFile: () => File | null }[] }) {
  const event = new Event('paste', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'clipboardData', { value: { files: data.files ?? [], items: data.items ?? [] } });
  document.dispatchEvent(event);
  return event;
}

const describedBy = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent);

describe('ImageDrop', () => {
  it('opens the hidden file input from a real button, which accepts the three picture types', () => {
    render(<ImageDrop onImage={() => {}} />);
    const input = fileInput();
    const click = vi.spyOn(input, 'click').mockImplementation(() => {});
    fireEvent.click(screen.getByRole('button', { name: 'Choose an image' }));
    expect(click).toHaveBeenCalledOnce();
    expect(input.hidden).toBe(true);
    expect(input.accept).toBe('image/png,image/jpeg,image/webp');
  });

  it('calls onImage with the chosen file', () => {
    const onImage = vi.fn();
    render(<ImageDrop onImage={onImage} />);
    const file = png();
    fireEvent.change(fileInput(), { target: { files: [file] } });
    expect(onImage).toHaveBeenCalledExactlyOnceWith(file);
  });

  it('highlights while a file is dragged over and calls onImage with the dropped picture', () => {
    const onImage = vi.fn();
    render(<ImageDrop onImage={onImage} />);
    const file = png();
    fireEvent.dragOver(zone(), { dataTransfer: { files: [], dropEffect: 'none' } });
    expect(zone().dataset.over).toBe('true');
    fireEvent.drop(zone(), { dataTransfer: { files: [text(), file] } });
    expect(zone().dataset.over).toBeUndefined();
    expect(onImage).toHaveBeenCalledExactlyOnceWith(file);
  });

  it('hands over a dropped file that is not a picture, for the caller to refuse', () => {
    const onImage = vi.fn();
    render(<ImageDrop onImage={onImage} />);
    const file = text();
    fireEvent.drop(zone(), { dataTransfer: { files: [file] } });
    expect(onImage).toHaveBeenCalledExactlyOnceWith(file);
  });

  it('takes the first pasted picture, from the files or else the items', () => {
    const onImage = vi.fn();
    render(<ImageDrop onImage={onImage} />);
    const first = png();
    const event = paste({ files: [text(), first, png()] });
    expect(onImage).toHaveBeenLastCalledWith(first);
    expect(event.defaultPrevented).toBe(true);

    const fromItem = png();
    paste({
      items: [
        { kind: 'string', type: 'text/plain', getAsFile: () => null },
        { kind: 'file', type: 'image/png', getAsFile: () => fromItem },
      ],
    });
    expect(onImage).toHaveBeenLastCalledWith(fromItem);
    expect(onImage).toHaveBeenCalledTimes(2);
  });

  it('leaves a paste of text alone, and stops listening once gone', () => {
    const onImage = vi.fn();
    const { unmount } = render(<ImageDrop onImage={onImage} />);
    const event = paste({ items: [{ kind: 'string', type: 'text/plain', getAsFile: () => null }] });
    expect(event.defaultPrevented).toBe(false);
    unmount();
    paste({ files: [png()] });
    expect(onImage).not.toHaveBeenCalled();
  });

  it('takes nothing while disabled', () => {
    const onImage = vi.fn();
    render(<ImageDrop onImage={onImage} disabled />);
    expect((screen.getByRole('button', { name: 'Choose an image' }) as HTMLButtonElement).disabled).toBe(true);
    paste({ files: [png()] });
    const drop = fireEvent.drop(zone(), { dataTransfer: { files: [png()] } });
    expect(drop).toBe(false); // still prevented, so the browser does not open the file instead
    expect(onImage).not.toHaveBeenCalled();
  });

  it('reads the error, then the hint, with the button', () => {
    const { rerender } = render(
      <ImageDrop onImage={() => {}} label="Choose a picture" hint="PNG, JPEG or WebP, up to 4 MB" />,
    );
    const button = screen.getByRole('button', { name: 'Choose a picture' });
    expect(describedBy(button)).toEqual(['PNG, JPEG or WebP, up to 4 MB']);
    rerender(
      <ImageDrop
        onImage={() => {}}
        label="Choose a picture"
        hint="PNG, JPEG or WebP, up to 4 MB"
        error="This is a GIF."
      />,
    );
    expect(describedBy(button)).toEqual(['This is a GIF.', 'PNG, JPEG or WebP, up to 4 MB']);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
