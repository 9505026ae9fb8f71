/**
 * How many leading bytes the sniffers read. 64 covers the longest header checked here: an EBML
 * header with an 8-byte size whose DocType ("matroska") ends near byte 40, and an MP4 `ftyp` box
 * with a few compatible brands. Read `file.slice(0, SNIFF_BYTES)`, not the whole file.
 */
export const SNIFF_BYTES = 64;

export type ImageMime = 'image/png' | 'image/jpeg' | 'image/webp';

export type AudioMime =
  'audio/mpeg' | 'audio/wav' | 'audio/mp4' | 'audio/ogg' | 'audio/webm' | 'audio/x-matroska' | 'audio/flac';

export interface AudioType {
  mime: AudioMime;
  /** The file extension without a dot, as speech APIs expect it on the upload's file name. */
  ext: string;
}

/** What the image studio accepts, for file pickers (`accept`) and messages. */
export const ACCEPTED_IMAGES = {
  mimes: ['image/png', 'image/jpeg', 'image/webp'] as const satisfies readonly ImageMime[],
  accept: 'image/png,image/jpeg,image/webp,.png,.jpg,.jpeg,.webp',
  label: 'PNG, JPEG or WebP',
};

/** What the speech studio accepts, for file pickers (`accept`) and messages. */
export const ACCEPTED_AUDIO = {
  mimes: [
    'audio/mpeg',
    'audio/wav',
    'audio/mp4',
    'audio/ogg',
    'audio/webm',
    'audio/x-matroska',
    'audio/flac',
  ] as const satisfies readonly AudioMime[],
  accept: 'audio/*,video/mp4,video/webm,.mp3,.wav,.m4a,.mp4,.ogg,.oga,.opus,.webm,.mka,.flac',
  label: 'MP3, WAV, M4A, OGG, WebM or FLAC',
};

/** The file extension for each accepted image type. */
export const IMAGE_EXT: Record<ImageMime, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

const ascii = (bytes: Uint8Array, at: number, text: string): boolean =>
  bytes.length >= at + text.length && [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const EBML = [0x1a, 0x45, 0xdf, 0xa3];

/** The image type the bytes begin with, or null for anything else (GIF, SVG, HTML, truncated headers). */
export function sniffImage(bytes: Uint8Array): ImageMime | null {
  if (startsWith(bytes, PNG)) return 'image/png';
  // SOI then the first marker's 0xFF: every JPEG (JFIF, Exif, raw) starts this way.
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  // RIFF....WEBP then the first chunk, one of the three WebP bitstream kinds.
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP') && ['VP8 ', 'VP8L', 'VP8X'].some((c) => ascii(bytes, 12, c)))
    return 'image/webp';
  return null;
}

/** An MPEG audio frame header: 11 sync bits, then no reserved version, layer, bitrate or sample rate. */
function isMpegFrame(bytes: Uint8Array): boolean {
  const [b0, b1, b2] = bytes;
  if (b0 !== 0xff || b1 === undefined || b2 === undefined || (b1 & 0xe0) !== 0xe0) return false;
  const version = (b1 >> 3) & 3;
  const layer = (b1 >> 1) & 3;
  // Layer 0 is reserved, which also rules out AAC ADTS (FFF1/FFF9), which is not MP3.
  return version !== 1 && layer !== 0 && b2 >> 4 !== 0xf && ((b2 >> 2) & 3) !== 3;
}

/** An ID3v2 tag header: "ID3", version 2-4, and a 28-bit size written 7 bits a byte. */
function isId3(bytes: Uint8Array): boolean {
  if (!ascii(bytes, 0, 'ID3') || bytes.length < 10) return false;
  const major = bytes[3]!;
  return major >= 2 && major <= 4 && bytes[4] !== 0xff && bytes.subarray(6, 10).every((b) => b < 0x80);
}

// Major or compatible brands of MP4 files that carry audio (Apple M4A/M4B, ISO base media, MPEG-4, 3GPP).
const MP4_BRANDS = new Set([
  'M4A ',
  'M4B ',
  'isom',
  'iso2',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'dash',
  '3gp4',
  '3gp5',
]);
const AUDIO_BRANDS = new Set(['M4A ', 'M4B ']);

/** The brands an `ftyp` box lists (major first), as far as the sniffed bytes reach. */
function ftypBrands(bytes: Uint8Array): string[] | null {
  if (bytes.length < 12 || !ascii(bytes, 4, 'ftyp')) return null;
  const size = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
  if (size < 16) return null;
  const text = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  const brands = [text(8)];
  for (let at = 16; at + 4 <= Math.min(size, bytes.length); at += 4) brands.push(text(at));
  return brands;
}

/** The EBML DocType ("webm", "matroska"), if the sniffed bytes reach it. */
function ebmlDocType(bytes: Uint8Array): string | null {
  for (let at = 4; at + 3 < bytes.length; at++) {
    // Element 0x4282 with a one-byte size (0x80 | length), which is how every muxer writes it.
    if (bytes[at] !== 0x42 || bytes[at + 1] !== 0x82) continue;
    const length = bytes[at + 2]! & 0x7f;
    if ((bytes[at + 2]! & 0x80) === 0 || at + 3 + length > bytes.length) return null;
    return String.fromCharCode(...bytes.subarray(at + 3, at + 3 + length));
  }
  return null;
}

/** The audio type the bytes begin with, or null when none of the accepted formats is recognised. */
export function sniffAudio(bytes: Uint8Array): AudioType | null {
  if (isId3(bytes) || isMpegFrame(bytes)) return { mime: 'audio/mpeg', ext: 'mp3' };
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WAVE')) return { mime: 'audio/wav', ext: 'wav' };
  if (ascii(bytes, 0, 'fLaC')) return { mime: 'audio/flac', ext: 'flac' };
  // OggS and stream structure version 0, the only one defined.
  if (ascii(bytes, 0, 'OggS') && bytes[4] === 0) return { mime: 'audio/ogg', ext: 'ogg' };
  if (startsWith(bytes, EBML)) {
    // WebM is a subset of Matroska, told apart by the DocType. A header too long to reach it in
    // SNIFF_BYTES is taken as WebM; a shorter buffer without it is a truncated file.
    const docType = ebmlDocType(bytes);
    if (docType === 'matroska') return { mime: 'audio/x-matroska', ext: 'mka' };
    if (docType === 'webm' || (docType === null && bytes.length >= SNIFF_BYTES))
      return { mime: 'audio/webm', ext: 'webm' };
    return null;
  }
  const brands = ftypBrands(bytes);
  if (brands?.some((b) => MP4_BRANDS.has(b)))
    return { mime: 'audio/mp4', ext: brands.some((b) => AUDIO_BRANDS.has(b)) ? 'm4a' : 'mp4' };
  return null;
}
