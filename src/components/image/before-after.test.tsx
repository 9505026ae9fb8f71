// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BeforeAfter } from './before-after';

afterEach(cleanup);

const BEFORE = { src: 'blob:http://localhost/before', alt: 'Before: your picture' };
const AFTER = { src: 'blob:http://localhost/after', alt: 'After: the edit' };

function setup() {
  render(<BeforeAfter before={BEFORE} after={AFTER} />);
  const range = screen.getByRole('slider', { name: 'Before / after' }) as HTMLInputElement;
  const after = screen.getByRole('img', { name: AFTER.alt });
  const divider = after.nextElementSibling as HTMLElement;
  return { range, after, divider };
}

describe('BeforeAfter', () => {
  it('shows both pictures from their blob URLs, split in the middle', () => {
    const { range, after, divider } = setup();
    expect(screen.getByRole('img', { name: BEFORE.alt }).getAttribute('src')).toBe(BEFORE.src);
    expect(after.getAttribute('src')).toBe(AFTER.src);
    expect(range.value).toBe('50');
    expect(range.getAttribute('aria-valuetext')).toBe('50% before, 50% after');
    expect(after.style.clipPath).toBe('inset(0 0 0 50%)');
    expect(divider.style.left).toBe('50%');
  });

  it('moves the clip and the divider with the range', () => {
    const { range, after, divider } = setup();
    fireEvent.change(range, { target: { value: '20' } });
    expect(after.style.clipPath).toBe('inset(0 0 0 20%)');
    expect(divider.style.left).toBe('20%');
    expect(range.getAttribute('aria-valuetext')).toBe('20% before, 80% after');

    fireEvent.change(range, { target: { value: '100' } });
    expect(after.style.clipPath).toBe('inset(0 0 0 100%)');
  });

  it('uses a native range from 0 to 100, so keyboards move it as they move any slider', () => {
    const { range } = setup();
    expect(range.type).toBe('range');
    expect([range.min, range.max, range.step]).toEqual(['0', '100', '1']);
  });

  it.each([
    ['before', { ...BEFORE, src: 'https://provider.example/a.png' }, AFTER],
    ['after', BEFORE, { ...AFTER, src: 'data:image/png;base64,AAAA' }],
  ])('shows neither picture when the %s src is not a blob URL', (_, before, after) => {
    render(<BeforeAfter before={before} after={after} />);
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.queryByRole('slider')).toBeNull();
    expect(screen.getByText('This picture cannot be shown.')).toBeTruthy();
  });
});
