import { describe, it, expect } from 'vitest';
import { drawPicture, parseSize, transformPicture } from './picture.js';

function differingBytes(a: Uint8Array, b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

function distinctColours(rgba: Uint8Array): number {
  const seen = new Set<number>();
  for (let i = 0; i < rgba.length; i += 4) {
    seen.add(((rgba[i] ?? 0) << 16) | ((rgba[i + 1] ?? 0) << 8) | (rgba[i + 2] ?? 0));
  }
  return seen.size;
}

describe('drawPicture', () => {
  it('is deterministic and sized size×size RGBA', () => {
    const a = drawPicture('a red fox in the snow', 256);
    const b = drawPicture('a red fox in the snow', 256);
    expect(a.length).toBe(256 * 256 * 4);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('draws visibly different pictures for different prompts', () => {
    const a = drawPicture('a red fox in the snow', 256);
    const b = drawPicture('a blue whale at sunset', 256);
    expect(differingBytes(a, b)).toBeGreaterThan(a.length / 2);
  });

  it('is not a flat colour and is fully opaque', () => {
    for (const prompt of ['', 'x', 'a lighthouse on a cliff']) {
      const rgba = drawPicture(prompt, 128);
      expect(distinctColours(rgba)).toBeGreaterThan(10);
      expect(rgba.filter((v, i) => i % 4 === 3 && v !== 255).length).toBe(0);
    }
  });
});

describe('transformPicture', () => {
  const source = drawPicture('a cat wearing a hat', 64);

  it('changes pixels, keeps dimensions and is deterministic', () => {
    const a = transformPicture(source, 64, 64, 'make it blue');
    const b = transformPicture(source, 64, 64, 'make it blue');
    expect(a.length).toBe(source.length);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(differingBytes(a, source)).toBeGreaterThan(source.length / 4);
  });

  it('depends on the prompt', () => {
    const a = transformPicture(source, 64, 64, 'make it blue');
    const b = transformPicture(source, 64, 64, 'make it green');
    expect(differingBytes(a, b)).toBeGreaterThan(0);
  });

  it('handles non-square images', () => {
    const rect = new Uint8Array(30 * 10 * 4).fill(200);
    expect(transformPicture(rect, 30, 10, 'frame it').length).toBe(rect.length);
    expect(() => transformPicture(rect, 10, 10, 'frame it')).toThrow(/RGBA bytes/);
  });
});

describe('parseSize', () => {
  it('accepts the square OpenAI sizes', () => {
    expect(parseSize('256x256')).toBe(256);
    expect(parseSize('512x512')).toBe(512);
    expect(parseSize('1024x1024')).toBe(1024);
  });

  it('falls back when no size is given', () => {
    expect(parseSize(undefined)).toBe(512);
    expect(parseSize(undefined, 256)).toBe(256);
  });

  it('rejects anything else with a helpful message', () => {
    expect(() => parseSize('300x200')).toThrow('Unsupported size "300x200": use 256x256, 512x512 or 1024x1024');
    for (const size of ['1024x1792', '128x128', '512', 'big', ' 512x512', '512X512']) {
      expect(() => parseSize(size)).toThrow(/Unsupported size/);
    }
  });
});
