import { createHash } from 'node:crypto';

const SIZES = [256, 512, 1024] as const;

type Rgb = readonly [number, number, number];

/** Parses an OpenAI image size ("512x512"); only the square sizes the simulator draws are accepted. */
export function parseSize(size: string | undefined, fallback = 512): number {
  if (size === undefined || size === '') return fallback;
  const match = /^(\d+)x(\d+)$/.exec(size);
  const side = match && match[1] === match[2] ? Number(match[1]) : NaN;
  if (!(SIZES as readonly number[]).includes(side)) {
    throw new Error(`Unsupported size "${size}": use 256x256, 512x512 or 1024x1024`);
  }
  return side;
}

/** Draws a deterministic size×size RGBA picture whose colours and shapes are derived from the prompt. */
export function drawPicture(prompt: string, size: number): Uint8Array {
  if (!Number.isInteger(size) || size <= 0) throw new Error(`Invalid picture size ${size}`);
  const bytes = promptBytes(prompt, 'draw', 64);
  const byte = (i: number): number => bytes[i] ?? 0;
  const rgba = new Uint8Array(size * size * 4);

  // Background: a two-colour gradient along a prompt-chosen direction, so even the backdrop differs per prompt.
  const hueA = (byte(0) * 360) / 256;
  const from = hsl(hueA, 0.55 + byte(1) / 1024, 0.25 + byte(2) / 1280);
  const to = hsl(hueA + 90 + (byte(3) * 180) / 256, 0.6 + byte(4) / 1024, 0.55 + byte(5) / 1280);
  const angle = (byte(6) * Math.PI * 2) / 256;
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  // Faint stripes give the picture texture; period and direction come from the prompt too.
  const stripePeriod = Math.max(4, Math.round(size * (0.03 + byte(7) / 2560)));
  const stripeDir = byte(8) & 1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const t = ((x / size - 0.5) * dx + (y / size - 0.5) * dy) / Math.SQRT2 + 0.5;
      const stripe = Math.floor((stripeDir ? x + y : x - y + size) / stripePeriod) % 2 === 0 ? 1 : 0.9;
      const o = (y * size + x) * 4;
      rgba[o] = clampByte((from[0] + (to[0] - from[0]) * t) * stripe);
      rgba[o + 1] = clampByte((from[1] + (to[1] - from[1]) * t) * stripe);
      rgba[o + 2] = clampByte((from[2] + (to[2] - from[2]) * t) * stripe);
      rgba[o + 3] = 255;
    }
  }

  // Shapes: 4..9 translucent circles and rectangles, each described by 6 hash bytes.
  const shapeCount = 4 + (byte(9) % 6);
  for (let s = 0; s < shapeCount; s++) {
    const b = 10 + s * 6;
    const colour = hsl((byte(b) * 360) / 256, 0.7, 0.35 + byte(b + 1) / 640);
    const cx = (byte(b + 2) / 255) * size;
    const cy = (byte(b + 3) / 255) * size;
    const extent = size * (0.06 + (byte(b + 4) / 255) * 0.18);
    const alpha = 0.55 + (byte(b + 5) & 0x3f) / 160;
    if (byte(b + 5) & 0x80) {
      const aspect = 0.5 + (byte(b + 4) & 0x0f) / 15;
      fillRect(rgba, size, cx - extent, cy - extent * aspect, cx + extent, cy + extent * aspect, colour, alpha);
    } else {
      fillCircle(rgba, size, cx, cy, extent, colour, alpha);
    }
  }
  return rgba;
}

/** Edits an RGBA image visibly and deterministically: mirrored, tinted and framed in prompt-derived colours. */
export function transformPicture(rgba: Uint8Array, width: number, height: number, prompt: string): Uint8Array {
  if (rgba.length !== width * height * 4) {
    throw new Error(`Expected ${width * height * 4} RGBA bytes for ${width}x${height}, got ${rgba.length}`);
  }
  const bytes = promptBytes(prompt, 'edit', 32);
  const byte = (i: number): number => bytes[i] ?? 0;
  const hue = (byte(0) * 360) / 256;
  const tint = hsl(hue, 0.8, 0.5);
  const frame = hsl(hue + 180, 0.75, 0.4);
  const strength = 0.3 + byte(1) / 1024;
  const border = Math.max(2, Math.round(Math.min(width, height) * (0.03 + byte(2) / 8192)));
  const out = new Uint8Array(rgba.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const onFrame = x < border || y < border || x >= width - border || y >= height - border;
      if (onFrame) {
        out[o] = frame[0];
        out[o + 1] = frame[1];
        out[o + 2] = frame[2];
        out[o + 3] = 255;
        continue;
      }
      const i = (y * width + (width - 1 - x)) * 4;
      out[o] = clampByte((rgba[i] ?? 0) * (1 - strength) + tint[0] * strength);
      out[o + 1] = clampByte((rgba[i + 1] ?? 0) * (1 - strength) + tint[1] * strength);
      out[o + 2] = clampByte((rgba[i + 2] ?? 0) * (1 - strength) + tint[2] * strength);
      out[o + 3] = rgba[i + 3] ?? 255;
    }
  }
  return out;
}

/** Enough pseudo-random bytes for the picture, chained from sha256 so they depend only on the prompt. */
function promptBytes(prompt: string, purpose: string, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let block = 0; block * 32 < length; block++) {
    const digest = createHash('sha256').update(`${purpose}/${block}/`).update(prompt).digest();
    out.set(digest.subarray(0, Math.min(32, length - block * 32)), block * 32);
  }
  return out;
}

function fillCircle(rgba: Uint8Array, size: number, cx: number, cy: number, r: number, c: Rgb, alpha: number): void {
  const y0 = Math.max(0, Math.floor(cy - r));
  const y1 = Math.min(size - 1, Math.ceil(cy + r));
  for (let y = y0; y <= y1; y++) {
    const h = r * r - (y + 0.5 - cy) ** 2;
    if (h < 0) continue;
    const half = Math.sqrt(h);
    const x0 = Math.max(0, Math.ceil(cx - half - 0.5));
    const x1 = Math.min(size - 1, Math.floor(cx + half - 0.5));
    for (let x = x0; x <= x1; x++) blend(rgba, (y * size + x) * 4, c, alpha);
  }
}

function fillRect(
  rgba: Uint8Array,
  size: number,
  left: number,
  top: number,
  right: number,
  bottom: number,
  c: Rgb,
  alpha: number,
): void {
  const x0 = Math.max(0, Math.round(left));
  const x1 = Math.min(size, Math.round(right));
  const y0 = Math.max(0, Math.round(top));
  const y1 = Math.min(size, Math.round(bottom));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) blend(rgba, (y * size + x) * 4, c, alpha);
  }
}

function blend(rgba: Uint8Array, o: number, c: Rgb, alpha: number): void {
  rgba[o] = clampByte((rgba[o] ?? 0) * (1 - alpha) + c[0] * alpha);
  rgba[o + 1] = clampByte((rgba[o + 1] ?? 0) * (1 - alpha) + c[1] * alpha);
  rgba[o + 2] = clampByte((rgba[o + 2] ?? 0) * (1 - alpha) + c[2] * alpha);
}

function hsl(hue: number, saturation: number, lightness: number): Rgb {
  const h = (((hue % 360) + 360) % 360) / 60;
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const x = chroma * (1 - Math.abs((h % 2) - 1));
  const m = lightness - chroma / 2;
  const [r, g, b] =
    h < 1
      ? [chroma, x, 0]
      : h < 2
        ? [x, chroma, 0]
        : h < 3
          ? [0, chroma, x]
          : h < 4
            ? [0, x, chroma]
            : h < 5
              ? [x, 0, chroma]
              : [chroma, 0, x];
  return [clampByte((r + m) * 255), clampByte((g + m) * 255), clampByte((b + m) * 255)];
}

function clampByte(v: number): number {
  return v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
}
