import { describe, it, expect } from 'vitest';
import { decodePng, encodePng, isPng } from './png.js';

function pattern(width: number, height: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < rgba.length; i++) rgba[i] = (i * 37 + (i >> 5)) & 0xff;
  return rgba;
}

describe('png', () => {
  it('round-trips RGBA pixels exactly', () => {
    const rgba = pattern(7, 5);
    const png = encodePng(rgba, 7, 5);
    expect(isPng(png)).toBe(true);
    const decoded = decodePng(png);
    expect(decoded.width).toBe(7);
    expect(decoded.height).toBe(5);
    expect(Buffer.from(decoded.rgba).equals(Buffer.from(rgba))).toBe(true);
  });

  it('refuses pixel buffers of the wrong length', () => {
    expect(() => encodePng(new Uint8Array(10), 2, 2)).toThrow(/RGBA bytes/);
  });

  it('rejects garbage with a plain message', () => {
    expect(() => decodePng(Buffer.from('definitely not an image'))).toThrow('The image is not a valid PNG');
    expect(() => decodePng(Buffer.alloc(0))).toThrow('The image is not a valid PNG');
    const truncated = encodePng(pattern(16, 16), 16, 16).subarray(0, 60);
    expect(() => decodePng(truncated)).toThrow('The image is not a valid PNG');
  });

  it('refuses images that declare an enormous canvas', () => {
    const png = Buffer.from(encodePng(pattern(4, 4), 4, 4));
    png.writeUInt32BE(100_000, 16);
    png.writeUInt32BE(100_000, 20);
    expect(() => decodePng(png)).toThrow(/too large/);
  });

  it('checks the signature', () => {
    expect(isPng(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(true);
    expect(isPng(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBe(false);
    expect(isPng(Buffer.from('GIF89a..........'))).toBe(false);
  });
});
