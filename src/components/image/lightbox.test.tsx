// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isBlobUrl, Lightbox, type LightboxItem } from './lightbox';

afterEach(cleanup);

const ITEMS: LightboxItem[] = [
  { id: 'a', src: 'blob:http://localhost/1', alt: 'A red fox' },
  { id: 'b', src: 'blob:http://localhost/2', alt: 'A blue whale' },
  { id: 'c', src: 'blob:http://localhost/3', alt: 'A green frog' },
];

/** The lightbox with its index kept as a page would keep it, plus a spy on every change. */
function Harness({
  items = ITEMS,
  start = 0,
  spy,
}: {
  items?: LightboxItem[];
  start?: number;
  spy?: (i: number | null) => void;
}) {
  const [index, setIndex] = useState<number | null>(start);
  return (
    <>
      <button type="button" onClick={() => setIndex(0)}>
        Open
      </button>
      <Lightbox
        items={items}
        index={index}
        onIndex={(i) => {
          spy?.(i);
          setIndex(i);
        }}
        renderCaption={(item) => <span>Caption of {item.id}</span>}
      />
    </>
  );
}

const shown = () => screen.getByRole('dialog').querySelector('img')?.getAttribute('alt');

describe('Lightbox', () => {
  it('titles the dialog with the position and shows the picture from its blob URL, with its caption', () => {
    render(<Harness start={1} />);
    const dialog = screen.getByRole('dialog', { name: 'Picture 2 of 3' });
    const img = within(dialog).getByRole('img', { name: 'A blue whale' });
    expect(img.getAttribute('src')).toBe('blob:http://localhost/2');
    expect(within(dialog).getByText('Caption of b')).toBeTruthy();
  });

  it('moves with the arrow keys and wraps at the ends', () => {
    const spy = vi.fn();
    render(<Harness spy={spy} />);
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'ArrowRight' });
    expect(spy).toHaveBeenLastCalledWith(1);
    expect(screen.getByRole('dialog', { name: 'Picture 2 of 3' })).toBeTruthy();
    expect(shown()).toBe('A blue whale');

    fireEvent.keyDown(document.body, { key: 'ArrowLeft' });
    fireEvent.keyDown(document.body, { key: 'ArrowLeft' });
    expect(spy).toHaveBeenLastCalledWith(2);
    expect(shown()).toBe('A green frog');

    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    expect(spy).toHaveBeenLastCalledWith(0);
    expect(screen.getByRole('dialog', { name: 'Picture 1 of 3' })).toBeTruthy();
  });

  it('leaves arrow keys with modifiers, or typed into a field, alone', () => {
    const spy = vi.fn();
    render(<Lightbox items={ITEMS} index={0} onIndex={spy} renderCaption={() => <input aria-label="Note" />} />);
    fireEvent.keyDown(document.body, { key: 'ArrowRight', altKey: true });
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Note' }), { key: 'ArrowRight' });
    expect(spy).not.toHaveBeenCalled();
  });

  it('moves with the Previous and Next buttons, and closes with Close', () => {
    const spy = vi.fn();
    render(<Harness spy={spy} />);
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Next' }));
    expect(shown()).toBe('A blue whale');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Previous' }));
    expect(shown()).toBe('A red fox');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(spy).toHaveBeenLastCalledWith(null);
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('stops listening to the keys once closed', () => {
    const spy = vi.fn();
    render(<Lightbox items={ITEMS} index={null} onIndex={spy} />);
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    expect(spy).not.toHaveBeenCalled();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('has no Previous / Next for a single picture', () => {
    render(<Harness items={ITEMS.slice(0, 1)} />);
    expect(screen.getByRole('dialog', { name: 'Picture 1 of 1' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Next' })).toBeNull();
  });

  it.each(['https://provider.example/cat.png', 'data:image/png;base64,AAAA', 'javascript:alert(1)', 'not a url'])(
    'does not render a picture whose src is %s',
    (src) => {
      render(<Lightbox items={[{ id: 'x', src, alt: 'Hostile' }]} index={0} onIndex={() => {}} />);
      const dialog = screen.getByRole('dialog', { name: 'Picture 1 of 1' });
      expect(dialog.querySelector('img')).toBeNull();
      expect(within(dialog).getByText('This picture cannot be shown.')).toBeTruthy();
    },
  );

  it('says Loading while the src is empty and cannot-be-shown when the bytes do not decode', () => {
    const { rerender } = render(<Lightbox items={[{ id: 'x', src: '', alt: 'Fox' }]} index={0} onIndex={() => {}} />);
    expect(screen.getByText('Loading…')).toBeTruthy();
    rerender(<Lightbox items={ITEMS} index={0} onIndex={() => {}} />);
    fireEvent.error(screen.getByRole('img', { name: 'A red fox' }));
    expect(screen.getByText('This picture cannot be shown.')).toBeTruthy();
  });
});

describe('isBlobUrl', () => {
  it('accepts blob: URLs only', () => {
    expect(isBlobUrl('blob:http://localhost:5173/0b1c')).toBe(true);
    expect(isBlobUrl('BLOB:http://localhost/1')).toBe(true);
    expect(isBlobUrl('https://x.example/a.png')).toBe(false);
    expect(isBlobUrl(' blob')).toBe(false);
    expect(isBlobUrl('')).toBe(false);
  });
});
