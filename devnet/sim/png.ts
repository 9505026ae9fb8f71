import { PNG } from 'pngjs';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// Uploads are decoded in memory, so a tiny file declaring a huge canvas must not make us allocate it.
const MAX_PIXELS = 4096 * 4096;

/** True when `buf` starts with the 8-byte PNG signature. */
export function isPng(buf: Uint8Array): boolean {
  return buf.length >= SIGNATURE.length && SIGNATURE.equals(buf.subarray(0, SIGNATURE.length));
}

/** Encodes 8-bit RGBA pixels (row-major, width×height×4 bytes) as a PNG file. */
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new Error(`Invalid PNG dimensions ${width}x${height}`);
  }
  if (rgba.length !== width * height * 4) {
    throw new Error(`Expected ${width * height * 4} RGBA bytes for ${width}x${height}, got ${rgba.length}`);
  }
  const png = new PNG({ width, height });
  png.data = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  return PNG.sync.write(png, { colorType: 6 });
}

/** Decodes any PNG pngjs understands into 8-bit RGBA; throws a plain Error for anything else. */
export function decodePng(buf: Buffer): { width: number; height: number; rgba: Uint8Array } {
  if (!isPng(buf) || buf.length < 33) throw new Error('The image is not a valid PNG');
  // IHDR is always the first chunk: width and height sit right after its 4-byte length and 4-byte type.
  const declaredWidth = buf.readUInt32BE(16);
  const declaredHeight = buf.readUInt32BE(20);
  if (declaredWidth * declaredHeight > MAX_PIXELS) {
    throw new Error(`The image is too large (${declaredWidth}x${declaredHeight}); the limit is 4096x4096`);
  }
  let png: PNG;
  try {
    png = PNG.sync.read(buf);
  } catch {
    throw new Error('The image is not a valid PNG');
  }
  const { width, height, data } = png;
  if (width <= 0 || height <= 0 || data.length !== width * height * 4) {
    throw new Error('The image is not a valid PNG');
  }
  return { width, height, rgba: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}
