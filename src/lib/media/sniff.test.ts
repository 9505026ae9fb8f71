import { describe, expect, it } from 'vitest';
import { ACCEPTED_AUDIO, ACCEPTED_IMAGES, IMAGE_EXT, SNIFF_BYTES, sniffAudio, sniffImage } from './sniff';

// The first 48 bytes of real files: written by ffmpeg 5.1 (lavfi sine/colour sources and its
// encoders) unless said otherwise, so the tests see what encoders actually write.
const REAL = {
  png: '89504e470d0a1a0a0000000d49484452000000080000000808020000004b6d29dc000000097048597300000001000000',
  jpegJfif: 'ffd8ffe000104a46494600010200000100010000fffe00104c61766335392e33372e31303000ffdb0043000804040404',
  webpLossy: '524946463c000000574542505650382030000000d001009d012a0800080002003425a00274ba01f80003b000fef0e8f7',
  webpLossless: '524946461c000000574542505650384c0f0000002f07c001000710f58ffe0722a2ff0100',
  // CPython's test image, an extended (VP8X) WebP with alpha.
  webpExtended: '52494646a801000057454250565038580a000000100000000f00000f0000414c5048c30000000127a2a89124e57ae718',
  gif: '47494638396108000800f71f310000002400004800006c0000900000b40000d80000fc00000024002424004824006c24',
  mp3Id3: '49443304000000000023545353450000000f0000034c61766635392e32372e3130300000000000000000000000fffb40',
  mp3Frame: 'fffb50c400000a2c432e55948001811566233ad00007aac38e3385d364f1a1c1081c581f5e1f181c46041e89e5b32e5a',
  wav: '524946468aac000057415645666d7420100000000100010044ac000088580100020010004c4953541a000000494e464f',
  m4a: '0000001c667479704d344120000002004d34412069736f6d69736f320000000866726565000012876d646174de02004c',
  mp4: '0000001c6674797069736f6d0000020069736f6d69736f326d7034310000000866726565000012876d646174de02004c',
  oggVorbis: '4f67675300020000000000000000e07c34d70000000079d297f0011e01766f72626973000000000144ac000000000000',
  oggOpus: '4f67675300020000000000000000a8d2f82f00000000cb519e7b01134f707573486561640101380180bb00000000004f',
  webm: '1a45dfa39f4286810142f7810142f2810442f381084282847765626d4287810442858102185380670100000000001536',
  mka: '1a45dfa3a34286810142f7810142f2810442f381084282886d6174726f736b6142878104428581021853806701000000',
  flac: '664c614300000022120012000003e40004ea0ac440f00000562238173cc6f8fc71eed823a5ae3fd1f6a90400002e0d00',
  aacAdts: 'fff15040213ffcde02004c61766335392e33372e313030000260ac5ba9507226a578f5e3f7aeb896d5496a969524c93b',
};
const hex = (h: string) => Uint8Array.from(h.match(/../g) ?? [], (b) => parseInt(b, 16));
const text = (s: string) => new TextEncoder().encode(s);

const NOT_MEDIA = {
  html: text('<!DOCTYPE html><html><head><title>404</title></head></html>'),
  json: text('{"error":{"message":"not found"}}'),
  text: text('RIFF is a container; WAVE is a format. ID3 is a tag.'),
  svg: text('<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
  empty: new Uint8Array(0),
  zeros: new Uint8Array(SNIFF_BYTES),
};

describe('sniffImage', () => {
  it.each([
    ['png', 'image/png'],
    ['jpegJfif', 'image/jpeg'],
    ['webpLossy', 'image/webp'],
    ['webpLossless', 'image/webp'],
    ['webpExtended', 'image/webp'],
  ] as const)('recognises a real %s header as %s', (key, mime) => {
    expect(sniffImage(hex(REAL[key]))).toBe(mime);
  });

  it('recognises JPEG with an Exif (APP1) marker first, as phone cameras write it', () => {
    expect(sniffImage(hex('ffd8ffe1fffe45786966000049492a00'))).toBe('image/jpeg');
  });

  it('does not accept GIF, WAV (also RIFF), audio, or anything that is not an image', () => {
    expect(sniffImage(hex(REAL.gif))).toBeNull();
    expect(sniffImage(hex(REAL.wav))).toBeNull();
    expect(sniffImage(hex(REAL.mp3Frame))).toBeNull();
    for (const bytes of Object.values(NOT_MEDIA)) expect(sniffImage(bytes)).toBeNull();
  });

  it('does not accept truncated headers', () => {
    expect(sniffImage(hex(REAL.png).subarray(0, 7))).toBeNull();
    expect(sniffImage(hex('ffd8'))).toBeNull();
    // RIFF....WEBP without its first chunk.
    expect(sniffImage(hex(REAL.webpLossy).subarray(0, 12))).toBeNull();
  });

  it('reads a view into a larger buffer at its own offset', () => {
    const big = new Uint8Array(100);
    big.set(hex(REAL.png), 10);
    expect(sniffImage(big.subarray(10))).toBe('image/png');
    expect(sniffImage(big)).toBeNull();
  });
});

describe('sniffAudio', () => {
  it.each([
    ['mp3Id3', 'audio/mpeg', 'mp3'],
    ['mp3Frame', 'audio/mpeg', 'mp3'],
    ['wav', 'audio/wav', 'wav'],
    ['m4a', 'audio/mp4', 'm4a'],
    ['mp4', 'audio/mp4', 'mp4'],
    ['oggVorbis', 'audio/ogg', 'ogg'],
    ['oggOpus', 'audio/ogg', 'ogg'],
    ['webm', 'audio/webm', 'webm'],
    ['mka', 'audio/x-matroska', 'mka'],
    ['flac', 'audio/flac', 'flac'],
  ] as const)('recognises a real %s header as %s (.%s)', (key, mime, ext) => {
    expect(sniffAudio(hex(REAL[key]))).toEqual({ mime, ext });
  });

  it('recognises MPEG frames of other versions and layers (MPEG-2 layer III, MPEG-1 layer II)', () => {
    expect(sniffAudio(hex('fff3c4c0'))).toEqual({ mime: 'audio/mpeg', ext: 'mp3' });
    expect(sniffAudio(hex('fffd9004'))).toEqual({ mime: 'audio/mpeg', ext: 'mp3' });
  });

  it('refuses frame syncs with a reserved layer, version, bitrate or sample rate (AAC ADTS among them)', () => {
    expect(sniffAudio(hex(REAL.aacAdts))).toBeNull(); // layer 00
    expect(sniffAudio(hex('ffeb9064'))).toBeNull(); // version 01
    expect(sniffAudio(hex('fffbf064'))).toBeNull(); // bitrate 1111
    expect(sniffAudio(hex('fffb9c64'))).toBeNull(); // sample rate 11
    expect(sniffAudio(hex('ffdb9064'))).toBeNull(); // only 10 sync bits
  });

  it('recognises a WebM header whose size is written in eight bytes (DocType further in)', () => {
    const header = hex('1a45dfa3010000000000001f4286810142f7810142f2810442f381084282847765626d');
    expect(sniffAudio(header)).toEqual({ mime: 'audio/webm', ext: 'webm' });
  });

  it('refuses an ftyp box without an MP4 brand (HEIC, QuickTime)', () => {
    expect(sniffAudio(hex('00000018667479706865696300000000686569636d696631'))).toBeNull();
    expect(sniffAudio(hex('00000014667479707174202000000000717420200000'))).toBeNull();
  });

  it('refuses images, text and other non-audio', () => {
    expect(sniffAudio(hex(REAL.png))).toBeNull();
    expect(sniffAudio(hex(REAL.webpLossy))).toBeNull(); // RIFF, but not WAVE
    expect(sniffAudio(hex(REAL.jpegJfif))).toBeNull(); // starts 0xFF, but 0xD8 is no frame sync
    for (const bytes of Object.values(NOT_MEDIA)) expect(sniffAudio(bytes)).toBeNull();
  });

  it('refuses truncated headers', () => {
    for (const key of ['wav', 'm4a', 'webm', 'mka'] as const)
      expect(sniffAudio(hex(REAL[key]).subarray(0, 10)), key).toBeNull();
    expect(sniffAudio(hex('fffb'))).toBeNull();
    expect(sniffAudio(text('ID3'))).toBeNull();
    expect(sniffAudio(text('fLa'))).toBeNull();
    expect(sniffAudio(text('Ogg'))).toBeNull();
  });

  it('refuses an "ID3" that is not a tag header (text that happens to start so)', () => {
    expect(sniffAudio(text('ID3 tags are metadata'))).toBeNull();
  });
});

describe('the accepted types', () => {
  it('reach every header the real samples have within SNIFF_BYTES', () => {
    for (const h of Object.values(REAL)) expect(h.length / 2).toBeLessThanOrEqual(SNIFF_BYTES);
  });

  it('list every type the sniffers return, with names for messages', () => {
    expect(ACCEPTED_IMAGES.label).toBe('PNG, JPEG or WebP');
    for (const mime of ACCEPTED_IMAGES.mimes) expect(IMAGE_EXT[mime]).toMatch(/^[a-z]+$/);
    expect(ACCEPTED_AUDIO.label).toBe('MP3, WAV, M4A, OGG, WebM or FLAC');
    for (const key of Object.keys(REAL) as (keyof typeof REAL)[]) {
      const audio = sniffAudio(hex(REAL[key]));
      if (audio) {
        expect(ACCEPTED_AUDIO.mimes).toContain(audio.mime);
        expect(ACCEPTED_AUDIO.accept).toContain(`.${audio.ext}`);
      }
      const image = sniffImage(hex(REAL[key]));
      if (image) expect(ACCEPTED_IMAGES.accept).toContain(`.${IMAGE_EXT[image]}`);
    }
  });
});
