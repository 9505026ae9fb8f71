import { ACCEPTED_IMAGES, IMAGE_EXT, SNIFF_BYTES, sniffImage, type ImageMime } from './sniff';

/** The largest picture an edit uploads: the devnet simulator's limit, and a common provider cap. */
export const MAX_EDIT_IMAGE_BYTES = 4 * 1024 * 1024;

const MIB = 1024 * 1024;

/**
 * A size in MB (of 1,048,576 bytes) with at most one decimal. `up` rounds up, so a file just over
 * a limit never reads as the limit itself ("4.1 MB", not "4 MB").
 */
export function formatMegabytes(bytes: number, round: 'up' | 'nearest' = 'nearest'): string {
  const tenths = (round === 'up' ? Math.ceil : Math.round)((bytes / MIB) * 10);
  return `${tenths / 10} MB`;
}

/** A file name for messages: user text, shown as text, cut so a long name cannot fill the screen. */
const shown = (name: string) => (name.length > 60 ? `${name.slice(0, 59)}…` : name);

/** The name with the extension of its real type: providers choose the decoder by the upload's extension. */
export function nameForType(name: string, mime: ImageMime): string {
  const ext = IMAGE_EXT[mime];
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const current = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (current === ext || (mime === 'image/jpeg' && current === 'jpeg')) return name;
  return `${stem || 'image'}.${ext}`;
}

/**
 * A picture the user chose, read as bytes for an edit, or the sentence saying why not: empty, over
 * `maxBytes`, or not a PNG, JPEG or WebP by its first bytes (whatever its name or declared type).
 */
export async function readImageFile(
  file: File,
  maxBytes: number,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; mime: ImageMime; name: string } | { error: string }> {
  if (file.size === 0) return { error: `"${shown(file.name)}" is empty (0 bytes).` };
  if (file.size > maxBytes)
    return {
      error: `The picture is ${formatMegabytes(file.size, 'up')}; this provider takes at most ${formatMegabytes(maxBytes)}.`,
    };
  try {
    const mime = sniffImage(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
    if (!mime)
      return {
        error: `"${shown(file.name)}" is not a ${ACCEPTED_IMAGES.label} picture (checked from its first bytes).`,
      };
    return { bytes: new Uint8Array(await file.arrayBuffer()), mime, name: nameForType(file.name, mime) };
  } catch {
    // The file was moved or deleted after it was chosen, or the browser lost access to it.
    return { error: `"${shown(file.name)}" could not be read. Choose it again.` };
  }
}

const UNDECODABLE = 'This browser could not decode the picture, so it is not shown.';

async function bitmapOf(blob: Blob): Promise<ImageBitmap> {
  if (typeof createImageBitmap !== 'function') throw new Error(UNDECODABLE);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    throw new Error(UNDECODABLE);
  }
  if (bitmap.width > 0 && bitmap.height > 0) return bitmap;
  bitmap.close();
  throw new Error(UNDECODABLE);
}

/** The width and height of a picture the browser can decode; throws a sentence when it cannot. */
export async function decodeImage(blob: Blob): Promise<{ width: number; height: number }> {
  const bitmap = await bitmapOf(blob);
  try {
    return { width: bitmap.width, height: bitmap.height };
  } finally {
    bitmap.close();
  }
}

/** The thumbnail size: the longer side at most `maxSide`, proportions kept, never enlarged, at least 1 px. */
export function thumbnailSize(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

async function encode(bitmap: ImageBitmap, width: number, height: number): Promise<Blob> {
  // WebP is small for gallery thumbnails; a browser that cannot encode it gives PNG instead.
  const type = 'image/webp';
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw a thumbnail.');
    ctx.drawImage(bitmap, 0, 0, width, height);
    return canvas.convertToBlob({ type, quality: 0.85 });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw a thumbnail.');
  ctx.drawImage(bitmap, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('This browser cannot draw a thumbnail.'))), type, 0.85),
  );
}

/** A small WebP (or PNG) copy of a picture for lists, its longer side at most `maxSide` pixels. */
export async function makeThumbnail(blob: Blob, maxSide = 256): Promise<Blob> {
  const bitmap = await bitmapOf(blob);
  try {
    const size = thumbnailSize(bitmap.width, bitmap.height, maxSide);
    return await encode(bitmap, size.width, size.height);
  } finally {
    bitmap.close();
  }
}
