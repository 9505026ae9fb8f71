import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildMultipart, randomBoundary, type MultipartPart } from './multipart';

const utf8 = new TextEncoder();
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
// Compared as base64: a deep equality over 70,000 array elements is slow and its diff unreadable.
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x2d, 0x2d]);

/** What a browser's own multipart parser reads back from the body. */
async function parse(body: { bytes: Uint8Array<ArrayBuffer>; contentType: string }) {
  const form = await new Response(body.bytes, { headers: { 'content-type': body.contentType } }).formData();
  return Promise.all(
    [...form].map(async ([name, v]) =>
      typeof v === 'string'
        ? { name, value: v }
        : { name, filename: v.name, type: v.type, data: b64(new Uint8Array(await v.arrayBuffer())) },
    ),
  );
}

afterEach(() => vi.restoreAllMocks());

describe('buildMultipart', () => {
  it('writes exactly the expected bytes: CRLF lines, quoted names, the file raw, the closing delimiter', () => {
    const body = buildMultipart(
      [
        { name: 'model', value: 'flux-dev' },
        { name: 'prompt', value: 'a red fox' },
        { name: 'image', filename: 'fox.png', contentType: 'image/png', data: PNG },
      ],
      'XyZ',
    );
    const expected =
      '--XyZ\r\n' +
      'Content-Disposition: form-data; name="model"\r\n' +
      '\r\n' +
      'flux-dev\r\n' +
      '--XyZ\r\n' +
      'Content-Disposition: form-data; name="prompt"\r\n' +
      '\r\n' +
      'a red fox\r\n' +
      '--XyZ\r\n' +
      'Content-Disposition: form-data; name="image"; filename="fox.png"\r\n' +
      'Content-Type: image/png\r\n' +
      '\r\n' +
      latin1(PNG) +
      '\r\n' +
      '--XyZ--\r\n';
    expect(latin1(body.bytes)).toBe(expected);
    expect(body.bytes).toEqual(new Uint8Array(Buffer.from(expected, 'latin1')));
    expect(body.contentType).toBe('multipart/form-data; boundary=XyZ');
    expect(body.boundary).toBe('XyZ');
  });

  it('escapes ", CR and LF in names and file names as the HTML spec does, and writes UTF-8', () => {
    const body = buildMultipart(
      [
        { name: 'a"b\nc', value: 'ünï ✓\nsecond line\r\nthird' },
        { name: 'file', filename: 'my "best"\r\ntake ✓.wav', contentType: 'audio/wav', data: new Uint8Array([1]) },
      ],
      'B',
    );
    const expected =
      '--B\r\n' +
      'Content-Disposition: form-data; name="a%22b%0D%0Ac"\r\n' +
      '\r\n' +
      'ünï ✓\nsecond line\r\nthird\r\n' +
      '--B\r\n' +
      'Content-Disposition: form-data; name="file"; filename="my %22best%22%0D%0Atake ✓.wav"\r\n' +
      'Content-Type: audio/wav\r\n' +
      '\r\n' +
      '\x01\r\n' +
      '--B--\r\n';
    expect(body.bytes).toEqual(utf8.encode(expected));
  });

  it('writes an empty body as just the closing delimiter, and empty values as empty', () => {
    expect(latin1(buildMultipart([], 'B').bytes)).toBe('--B--\r\n');
    expect(latin1(buildMultipart([{ name: 'n', value: '' }], 'B').bytes)).toBe(
      '--B\r\nContent-Disposition: form-data; name="n"\r\n\r\n\r\n--B--\r\n',
    );
  });

  it('is read back by the fetch multipart parser: the same fields, in order, and the same file bytes', async () => {
    const audio = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31 + (i >> 8)) & 0xff);
    const parts: MultipartPart[] = [
      { name: 'file', filename: 'näive "take".m4a', contentType: 'audio/mp4', data: audio },
      { name: 'model', value: 'whisper-large-v3' },
      { name: 'response_format', value: 'verbose_json' },
      { name: 'prompt', value: 'Names: Zoë, 李雷.\nKeep "quotes".\r\nEnd' },
      { name: 'image', filename: 'x.png', contentType: 'image/png', data: PNG },
    ];
    const body = buildMultipart(parts);
    expect(await parse(body)).toEqual([
      { name: 'file', filename: 'näive "take".m4a', type: 'audio/mp4', data: b64(audio) },
      { name: 'model', value: 'whisper-large-v3' },
      { name: 'response_format', value: 'verbose_json' },
      { name: 'prompt', value: 'Names: Zoë, 李雷.\nKeep "quotes".\r\nEnd' },
      { name: 'image', filename: 'x.png', type: 'image/png', data: b64(PNG) },
    ]);
  });

  it('draws a random boundary with crypto.getRandomValues: the prefix and 24 hex digits', () => {
    const a = buildMultipart([{ name: 'n', value: 'v' }]);
    const b = buildMultipart([{ name: 'n', value: 'v' }]);
    expect(a.boundary).toMatch(/^----0gMarketplace[0-9a-f]{24}$/);
    expect(a.boundary).not.toBe(b.boundary);
    expect(a.contentType).toBe(`multipart/form-data; boundary=${a.boundary}`);
    expect(randomBoundary()).toMatch(/^----0gMarketplace[0-9a-f]{24}$/);
  });

  it('draws again when the random boundary occurs in a part', () => {
    const spy = vi.spyOn(crypto, 'getRandomValues');
    spy.mockImplementationOnce((array) => {
      (array as Uint8Array).fill(0xab);
      return array;
    });
    const colliding = `----0gMarketplace${'ab'.repeat(12)}`;
    const data = utf8.encode(`junk${colliding}junk`);
    const body = buildMultipart([{ name: 'f', filename: 'f.bin', contentType: 'application/octet-stream', data }]);
    expect(spy).toHaveBeenCalledTimes(2);
    expect(body.boundary).not.toBe(colliding);
    expect(body.boundary).toMatch(/^----0gMarketplace[0-9a-f]{24}$/);
  });

  it('throws when a given boundary occurs in a value, a file or a name', () => {
    const file = (data: Uint8Array) => ({ name: 'f', filename: 'f', contentType: 'text/plain', data });
    expect(() => buildMultipart([{ name: 'n', value: 'a--Bnd-b' }], 'Bnd')).toThrow(/occurs inside/);
    expect(() => buildMultipart([file(utf8.encode('xxBndxx'))], 'Bnd')).toThrow(/occurs inside/);
    expect(() => buildMultipart([{ name: 'Bnd', value: '' }], 'Bnd')).toThrow(/occurs inside/);
    // The first byte matching but not the rest is no collision.
    expect(() => buildMultipart([file(utf8.encode('BnBnBn'))], 'Bnd')).not.toThrow();
  });

  it('refuses a boundary that would need quoting or is too long, and a content type that could inject a header', () => {
    expect(() => buildMultipart([], 'has space')).toThrow(/boundary/);
    expect(() => buildMultipart([], 'x'.repeat(71))).toThrow(/boundary/);
    expect(() => buildMultipart([], '')).toThrow(/boundary/);
    expect(() => buildMultipart([], 'a"b')).toThrow(/boundary/);
    const injected = { name: 'f', filename: 'f', contentType: 'image/png\r\nX-Evil: 1', data: PNG };
    expect(() => buildMultipart([injected], 'B')).toThrow(/content type/);
  });
});
