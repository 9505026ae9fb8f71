import { decodePng, encodePng, isPng } from './png.js';

/**
 * A visibly different but still valid PNG: the colours of the central square (half the width and
 * height) are inverted and the file re-encoded, so it decodes like the honest one but differs.
 */
export function tamperPng(png: Buffer): Buffer {
  const { width, height, rgba } = decodePng(png);
  const out = new Uint8Array(rgba);
  const x0 = Math.floor(width / 4);
  const y0 = Math.floor(height / 4);
  const x1 = Math.max(x0 + 1, Math.ceil((width * 3) / 4));
  const y1 = Math.max(y0 + 1, Math.ceil((height * 3) / 4));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const o = (y * width + x) * 4;
      // Inverting always changes a byte (255 - v === v has no integer solution); alpha stays.
      for (let c = 0; c < 3; c++) out[o + c] = 255 - (out[o + c] ?? 0);
    }
  }
  return encodePng(out, width, height);
}

/** Replaces the last word of a text with another one, keeping everything around it (JSON stays valid). */
export function changeWord(text: string): string {
  const words = [...text.matchAll(/[A-Za-z]+/g)];
  const last = words.at(-1);
  if (!last) return `${text} altered`;
  const replacement = last[0] === 'altered' ? 'changed' : 'altered';
  return text.slice(0, last.index) + replacement + text.slice(last.index + last[0].length);
}

/** Alters the bytes of a file: a PNG stays a decodable PNG, anything else is read as text with a word changed. */
export function tamperBytes(bytes: Buffer): Buffer {
  return isPng(bytes) ? tamperPng(bytes) : Buffer.from(changeWord(bytes.toString('utf8')));
}
