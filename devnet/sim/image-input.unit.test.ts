import { describe, expect, it } from 'vitest';
import { HttpError } from './http.js';
import { DEFAULT_EDIT_SIZE, editUpload, imageKind, MAX_EDIT_IMAGE_BYTES } from './image-input.js';
import { drawPicture } from './picture.js';
import { encodePng } from './png.js';

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF fake body')]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 fake body')]);

function refusal(run: () => unknown): { status: number; message: string } {
  try {
    run();
  } catch (e) {
    if (e instanceof HttpError) return { status: e.status, message: e.message };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('imageKind', () => {
  it('reads magic bytes, not names', () => {
    expect(imageKind(encodePng(new Uint8Array(4), 1, 1))).toBe('png');
    expect(imageKind(JPEG)).toBe('jpeg');
    expect(imageKind(WEBP)).toBe('webp');
    expect(imageKind(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toBeNull();
    expect(imageKind(Buffer.from('<html>'))).toBeNull();
    expect(imageKind(Buffer.alloc(0))).toBeNull();
  });
});

describe('editUpload', () => {
  it('transforms a PNG at its own size', () => {
    const png = encodePng(drawPicture('a cat', 256), 256, 256);
    const out = editUpload(png, 'make it blue');
    expect([out.width, out.height]).toEqual([256, 256]);
  });

  it('draws a deterministic picture for JPEG and WebP, from the prompt and the file', () => {
    const a = editUpload(JPEG, 'make it blue');
    expect([a.width, a.height]).toEqual([DEFAULT_EDIT_SIZE, DEFAULT_EDIT_SIZE]);
    expect(Buffer.from(editUpload(Buffer.from(JPEG), 'make it blue').rgba).equals(Buffer.from(a.rgba))).toBe(true);
    expect(Buffer.from(editUpload(WEBP, 'make it blue').rgba).equals(Buffer.from(a.rgba))).toBe(false);
    expect(Buffer.from(editUpload(JPEG, 'make it red').rgba).equals(Buffer.from(a.rgba))).toBe(false);
  });

  it('refuses non-images with 400 and uploads above 4 MiB with 413', () => {
    expect(refusal(() => editUpload(Buffer.from('<html>hi</html>'), 'x'))).toEqual({
      status: 400,
      message: 'The image must be a PNG, JPEG or WebP file',
    });
    expect(
      refusal(() => editUpload(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]), 'x')).status,
    ).toBe(400);
    const big = Buffer.concat([JPEG, Buffer.alloc(MAX_EDIT_IMAGE_BYTES)]);
    expect(refusal(() => editUpload(big, 'x'))).toEqual({ status: 413, message: 'The image is larger than 4 MiB' });
    expect(MAX_EDIT_IMAGE_BYTES).toBe(4 * 1024 * 1024);
    expect(editUpload(Buffer.concat([JPEG, Buffer.alloc(MAX_EDIT_IMAGE_BYTES - JPEG.length)]), 'x').width).toBe(512);
  });
});
