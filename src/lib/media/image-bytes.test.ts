import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  decodeImage,
  formatMegabytes,
  makeThumbnail,
  MAX_EDIT_IMAGE_BYTES,
  nameForType,
  readImageFile,
  thumbnailSize,
} from './image-bytes';

// Real pixel decoding needs a browser: createImageBitmap and OffscreenCanvas are stood in for
// here, so these tests cover the sizing, the refusals and the clean-up; e2e covers real pictures.

const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_HEAD = [0xff, 0xd8, 0xff, 0xe0];
const file = (bytes: number[] | Uint8Array, name: string, type = '') =>
  new File([Uint8Array.from(bytes)], name, { type });

afterEach(() => vi.unstubAllGlobals());

describe('formatMegabytes', () => {
  it('writes MB with at most one decimal, rounding up when asked so an oversize never reads as the limit', () => {
    expect(formatMegabytes(MAX_EDIT_IMAGE_BYTES)).toBe('4 MB');
    expect(formatMegabytes(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatMegabytes(MAX_EDIT_IMAGE_BYTES + 1, 'up')).toBe('4.1 MB');
    expect(formatMegabytes(Math.round(5.2 * 1024 * 1024), 'up')).toBe('5.2 MB');
  });
});

describe('readImageFile', () => {
  it('reads a PNG whole, typed from its bytes', async () => {
    const bytes = [...PNG_HEAD, 1, 2, 3];
    const got = await readImageFile(file(bytes, 'fox.png', 'image/png'), MAX_EDIT_IMAGE_BYTES);
    expect(got).toEqual({ bytes: Uint8Array.from(bytes), mime: 'image/png', name: 'fox.png' });
  });

  it('goes by the first bytes, not the name or declared type', async () => {
    const got = await readImageFile(file([...JPEG_HEAD, 0], 'photo.png', 'image/png'), MAX_EDIT_IMAGE_BYTES);
    expect(got).toMatchObject({ mime: 'image/jpeg', name: 'photo.jpg' });
    const html = await readImageFile(file([...new TextEncoder().encode('<svg>')], 'cat.png', 'image/png'), 100);
    expect(html).toEqual({ error: '"cat.png" is not a PNG, JPEG or WebP picture (checked from its first bytes).' });
  });

  it('refuses an empty file', async () => {
    expect(await readImageFile(file([], 'blank.png'), 100)).toEqual({ error: '"blank.png" is empty (0 bytes).' });
  });

  it('refuses a file over the limit, stating both sizes', async () => {
    const big = new File([new Uint8Array(Math.round(5.2 * 1024 * 1024))], 'big.png');
    expect(await readImageFile(big, MAX_EDIT_IMAGE_BYTES)).toEqual({
      error: 'The picture is 5.2 MB; this provider takes at most 4 MB.',
    });
  });

  it('cuts a long name in its sentence', async () => {
    const got = await readImageFile(file([1, 2, 3], `${'a'.repeat(300)}.png`), 100);
    expect('error' in got && got.error.length).toBeLessThan(140);
  });

  it('says so when the file cannot be read', async () => {
    const broken = file([...PNG_HEAD], 'gone.png');
    vi.spyOn(broken, 'slice').mockImplementation(() => {
      throw new DOMException('gone', 'NotReadableError');
    });
    expect(await readImageFile(broken, 100)).toEqual({ error: '"gone.png" could not be read. Choose it again.' });
  });
});

describe('nameForType', () => {
  it('keeps a matching extension and fixes a wrong or missing one', () => {
    expect(nameForType('a.PNG', 'image/png')).toBe('a.PNG');
    expect(nameForType('a.jpeg', 'image/jpeg')).toBe('a.jpeg');
    expect(nameForType('a.png', 'image/webp')).toBe('a.webp');
    expect(nameForType('scan', 'image/png')).toBe('scan.png');
    expect(nameForType('', 'image/png')).toBe('image.png');
    expect(nameForType('.hidden', 'image/png')).toBe('.hidden.png');
  });
});

describe('thumbnailSize', () => {
  it('fits the longer side, keeps proportions, never enlarges', () => {
    expect(thumbnailSize(1024, 512, 256)).toEqual({ width: 256, height: 128 });
    expect(thumbnailSize(300, 900, 256)).toEqual({ width: 85, height: 256 });
    expect(thumbnailSize(100, 50, 256)).toEqual({ width: 100, height: 50 });
    expect(thumbnailSize(10_000, 1, 256)).toEqual({ width: 256, height: 1 });
  });
});

function fakeBitmap(width: number, height: number) {
  return { width, height, close: vi.fn() };
}

describe('decodeImage', () => {
  it('gives the size and releases the bitmap', async () => {
    const bitmap = fakeBitmap(640, 480);
    vi.stubGlobal(
      'createImageBitmap',
      vi.fn(async () => bitmap),
    );
    expect(await decodeImage(new Blob([]))).toEqual({ width: 640, height: 480 });
    expect(bitmap.close).toHaveBeenCalled();
  });

  it('refuses with a sentence when the browser cannot decode it', async () => {
    const sentence = 'This browser could not decode the picture, so it is not shown.';
    vi.stubGlobal(
      'createImageBitmap',
      vi.fn(async () => {
        throw new DOMException('bad', 'InvalidStateError');
      }),
    );
    await expect(decodeImage(new Blob([]))).rejects.toThrow(sentence);
    vi.stubGlobal(
      'createImageBitmap',
      vi.fn(async () => fakeBitmap(0, 0)),
    );
    await expect(decodeImage(new Blob([]))).rejects.toThrow(sentence);
    vi.stubGlobal('createImageBitmap', undefined);
    await expect(decodeImage(new Blob([]))).rejects.toThrow(sentence);
  });
});

describe('makeThumbnail', () => {
  it('draws the picture scaled down and encodes WebP', async () => {
    const bitmap = fakeBitmap(1000, 500);
    const drawImage = vi.fn();
    const convertToBlob = vi.fn(async (o: { type: string }) => new Blob(['t'], { type: o.type }));
    const sizes: number[][] = [];
    vi.stubGlobal(
      'createImageBitmap',
      vi.fn(async () => bitmap),
    );
    vi.stubGlobal(
      'OffscreenCanvas',
      class {
        constructor(w: number, h: number) {
          sizes.push([w, h]);
        }
        getContext = () => ({ drawImage });
        convertToBlob = convertToBlob;
      },
    );
    const thumb = await makeThumbnail(new Blob([]), 200);
    expect(thumb.type).toBe('image/webp');
    expect(sizes).toEqual([[200, 100]]);
    expect(drawImage).toHaveBeenCalledWith(bitmap, 0, 0, 200, 100);
    expect(bitmap.close).toHaveBeenCalled();
  });
});
