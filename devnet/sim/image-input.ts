import { createHash } from 'node:crypto';
import { HttpError } from './http.js';
import { drawPicture, transformPicture } from './picture.js';
import { decodePng, isPng } from './png.js';

/** The largest image an edit accepts, as providers cap uploads. */
export const MAX_EDIT_IMAGE_BYTES = 4 * 1024 * 1024;

/** Side of the picture answered for inputs the simulator cannot decode (JPEG, WebP). */
export const DEFAULT_EDIT_SIZE = 512;

/** 413 for an upload above MAX_EDIT_IMAGE_BYTES. */
export function refuseOversized(bytes: number): void {
  if (bytes > MAX_EDIT_IMAGE_BYTES) throw new HttpError(413, 'The image is larger than 4 MiB', 'image_too_large');
}

export type ImageKind = 'png' | 'jpeg' | 'webp';

/** The image format by its magic bytes (not its name or declared type, which a client chooses freely). */
export function imageKind(bytes: Uint8Array): ImageKind | null {
  if (isPng(bytes)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  const ascii = (from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1');
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return null;
}

/**
 * The edited picture for an upload: a PNG is decoded and transformed; a JPEG or WebP (which the
 * simulator cannot decode) gets a picture drawn from the prompt and the file's sha256, so the same
 * upload and prompt always give the same answer. Throws HttpError 400/413 for what it refuses.
 */
export function editUpload(bytes: Buffer, prompt: string): { rgba: Uint8Array; width: number; height: number } {
  refuseOversized(bytes.length);
  const kind = imageKind(bytes);
  if (kind === null) throw new HttpError(400, 'The image must be a PNG, JPEG or WebP file', 'invalid_image');
  if (kind !== 'png') {
    const seed = createHash('sha256').update(bytes).digest('hex');
    const size = DEFAULT_EDIT_SIZE;
    return {
      rgba: transformPicture(drawPicture(`${prompt}\n${seed}`, size), size, size, prompt),
      width: size,
      height: size,
    };
  }
  let decoded;
  try {
    decoded = decodePng(bytes);
  } catch (e) {
    throw new HttpError(400, (e as Error).message, 'invalid_image');
  }
  return {
    rgba: transformPicture(decoded.rgba, decoded.width, decoded.height, prompt),
    width: decoded.width,
    height: decoded.height,
  };
}
