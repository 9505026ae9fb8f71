import { describe, expect, it } from 'vitest';
import { drawPicture } from './picture.js';
import { decodePng, encodePng } from './png.js';
import { changeWord, tamperBytes, tamperPng } from './tamper.js';

describe('tamperPng', () => {
  it('still decodes, keeps the size, and changes the central square only', () => {
    const rgba = drawPicture('a lighthouse', 256);
    const png = encodePng(rgba, 256, 256);
    const tampered = tamperPng(png);
    expect(tampered.equals(png)).toBe(false);
    const decoded = decodePng(tampered);
    expect([decoded.width, decoded.height]).toEqual([256, 256]);
    const at = (buf: Uint8Array, x: number, y: number) =>
      Array.from(buf.subarray((y * 256 + x) * 4, (y * 256 + x) * 4 + 4));
    const [r, g, b, a] = at(rgba, 128, 128);
    expect(at(decoded.rgba, 128, 128)).toEqual([255 - r!, 255 - g!, 255 - b!, a]);
    expect(at(decoded.rgba, 5, 5)).toEqual(at(rgba, 5, 5));
    let changed = 0;
    for (let i = 0; i < rgba.length; i++) if (rgba[i] !== decoded.rgba[i]) changed++;
    // A quarter of the pixels, three channels each: visible, not a one-byte flip.
    expect(changed).toBe(128 * 128 * 3);
  });

  it('works on a 1x1 picture', () => {
    const png = encodePng(new Uint8Array([10, 20, 30, 255]), 1, 1);
    expect(Array.from(decodePng(tamperPng(png)).rgba)).toEqual([245, 235, 225, 255]);
  });
});

describe('changeWord', () => {
  it('replaces the last word and keeps the rest', () => {
    expect(changeWord('the lazy dog.')).toBe('the lazy altered.');
    expect(changeWord('it was altered')).toBe('it was changed');
    expect(changeWord('123')).toBe('123 altered');
  });

  it('keeps JSON valid when applied to a string value', () => {
    const json = JSON.stringify({ text: changeWord('hello world'), n: 1 });
    expect(JSON.parse(json)).toEqual({ text: 'hello altered', n: 1 });
  });
});

describe('tamperBytes', () => {
  it('keeps a PNG a PNG and alters anything else as text', () => {
    const png = encodePng(drawPicture('x', 256), 256, 256);
    expect(() => decodePng(tamperBytes(png))).not.toThrow();
    expect(tamperBytes(Buffer.from('<html></html>')).toString()).toBe('<html></altered>');
  });
});
