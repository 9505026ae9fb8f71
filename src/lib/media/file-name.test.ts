import { describe, expect, it } from 'vitest';
import { mediaFileName } from './file-name';

const SAFE = /^[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9]{1,8}$/;

describe('mediaFileName', () => {
  it('names a picture after the first words of its prompt and the first 12 characters of the chat ID', () => {
    expect(mediaFileName('A red fox in snow', 'img-1a2b3c4d-5e6f-7a8b-9c0d', 'png')).toBe(
      'a-red-fox-in-snow-img-1a2b3c4d.png',
    );
    expect(mediaFileName('A red fox, in the snow, at dawn; watercolour!', '1a2b3c4d5e6f7a8b', 'png')).toBe(
      'a-red-fox-in-the-snow-1a2b3c4d5e6f.png',
    );
  });

  it('leaves the chat ID out when there is none', () => {
    expect(mediaFileName('Sunset', null, 'webp')).toBe('sunset.webp');
    expect(mediaFileName('Sunset', '', 'webp')).toBe('sunset.webp');
    expect(mediaFileName('Sunset', '/../', 'webp')).toBe('sunset.webp');
  });

  it('falls back to the kind of file when no usable word is left', () => {
    expect(mediaFileName('', 'img-1', 'png')).toBe('image-img-1.png');
    expect(mediaFileName('   ', null, 'jpg')).toBe('image.jpg');
    expect(mediaFileName('一只红狐狸', null, 'png')).toBe('image.png');
    expect(mediaFileName('!!! ??? …', null, 'mp3')).toBe('audio.mp3');
    expect(mediaFileName('', null, 'txt')).toBe('transcript.txt');
    expect(mediaFileName('', null, 'xyz')).toBe('file.xyz');
  });

  it('keeps letters without their accents and drops the rest', () => {
    expect(mediaFileName('Café Crème Brûlée', null, 'png')).toBe('cafe-creme-brulee.png');
    expect(mediaFileName("The fox's den (night)", null, 'png')).toBe('the-fox-s-den-night.png');
  });

  it('cuts a long prompt near 48 characters at a word boundary', () => {
    const name = mediaFileName('Photorealistic extraordinarily magnificent incomprehensibly beautiful', null, 'png');
    expect(name).toBe('photorealistic-extraordinarily-magnificent.png');
    const oneWord = mediaFileName('x'.repeat(500), 'abc', 'png');
    expect(oneWord).toBe(`${'x'.repeat(48)}-abc.png`);
  });

  it('makes hostile prompts, chat IDs and extensions safe', () => {
    const cases: [string, string | null, string][] = [
      ['../../etc/passwd', '../../x', 'png'],
      ['C:\\Windows\\System32\\evil', 'a\\b/c', 'png'],
      ['evil\u202Egnp.exe', '\u200Fid\u0000\u0007\u001b[31m', 'png'],
      ['line\r\nbreak\ttab\u0000nul', 'id\r\nX-Header: 1', 'png'],
      ['..', '..', '..'],
      ['a'.repeat(10_000), 'b'.repeat(10_000), 'png'],
      ['name', 'id', 'png/../../x'],
      ['name', 'id', '.exe\u202E'],
      ['<script>alert(1)</script>', '"><img src=x>', 'html'],
    ];
    for (const [prompt, chatId, ext] of cases) {
      const name = mediaFileName(prompt, chatId, ext);
      expect(name, JSON.stringify([prompt, chatId, ext])).toMatch(SAFE);
      expect(name.length).toBeLessThanOrEqual(48 + 1 + 12 + 1 + 8);
      expect(name).not.toContain('..');
    }
    expect(mediaFileName('../../etc/passwd', '../../x', 'png')).toBe('etc-passwd-x.png');
    expect(mediaFileName('evil\u202Egnp.exe', null, 'png')).toBe('evil-gnp-exe.png');
    expect(mediaFileName('name', 'id', 'png/../../x')).toBe('name-id.bin');
  });

  it('accepts an extension given with a dot or in capitals', () => {
    expect(mediaFileName('Fox', null, '.PNG')).toBe('fox.png');
    expect(mediaFileName('Fox', null, 'JPEG')).toBe('fox.jpeg');
  });

  it('avoids the names Windows reserves for devices', () => {
    expect(mediaFileName('CON', null, 'png')).toBe('con-image.png');
    expect(mediaFileName('nul', null, 'txt')).toBe('nul-transcript.txt');
    expect(mediaFileName('com1', null, 'wav')).toBe('com1-audio.wav');
    expect(mediaFileName('con', 'img-1', 'png')).toBe('con-img-1.png');
  });
});
