import { describe, expect, it, vi } from 'vitest';
import { decodeBase64Strict, MAX_PICTURES, parseImageAnswer, resolveImage, type ImageAnswerItem } from './image-answer';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const WEBP = new TextEncoder().encode('RIFF\x10\x00\x00\x00WEBPVP8 ');
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const answer = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const NOT_A_PICTURE = 'The provider sent something that is not a PNG, JPEG or WebP picture.';

describe('decodeBase64Strict', () => {
  it('decodes every length like Node does', () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 37 + 11) & 0xff);
    for (let n = 0; n <= 40; n++) {
      const slice = bytes.subarray(0, n);
      expect(b64(decodeBase64Strict(b64(slice))!)).toBe(b64(slice));
    }
    expect(b64(decodeBase64Strict(b64(bytes))!)).toBe(b64(bytes));
  });

  it('refuses what a lenient decoder would accept', () => {
    for (const bad of [
      'iVBORw0KGgo', // no padding
      'iVBO Rw0K', // whitespace
      'iVBORw0K\nGgo=',
      'ab-_', // URL-safe alphabet
      'ab=c', // padding inside
      'a===',
      '====',
      'QQ=Q',
      'QR==', // non-zero padding bits: "QQ==" is the one text for "A"
      'QUJ=', // likewise for "AB" ("QUI=")
      'aé==',
    ])
      expect(decodeBase64Strict(bad), bad).toBeNull();
    expect(decodeBase64Strict('')).toEqual(new Uint8Array(0));
  });
});

describe('parseImageAnswer', () => {
  it('reads inline pictures and links, in order', () => {
    const items = parseImageAnswer(answer({ created: 1, data: [{ b64_json: b64(PNG) }, { url: 'https://x/y.png' }] }));
    expect(items).toEqual([
      { kind: 'bytes', bytes: PNG },
      { kind: 'url', url: 'https://x/y.png' },
    ]);
  });

  it('prefers the signed inline bytes when an entry has both', () => {
    expect(parseImageAnswer(answer({ data: [{ b64_json: b64(PNG), url: 'https://x' }] }))).toEqual([
      { kind: 'bytes', bytes: PNG },
    ]);
  });

  it('refuses a bad entry on its own and keeps the others', () => {
    const items = parseImageAnswer(
      answer({ data: [{ b64_json: 'not base64!' }, { b64_json: 5 }, {}, 7, null, { url: 'https://a' }] }),
    );
    expect(items.map((i) => i.kind)).toEqual(['refused', 'refused', 'refused', 'refused', 'refused', 'url']);
    expect(items[0]).toEqual({
      kind: 'refused',
      reason: 'The provider sent a picture that is not valid base64, so it is not shown.',
    });
    expect(items[2]).toEqual({
      kind: 'refused',
      reason: 'The provider sent an entry with neither a picture nor a link.',
    });
  });

  it('throws a sentence for an answer that is not an image answer', () => {
    expect(() => parseImageAnswer(new TextEncoder().encode('<html>'))).toThrow(
      'The provider’s answer is not valid JSON, so no picture can be shown.',
    );
    expect(() => parseImageAnswer(Uint8Array.from([0x7b, 0xff, 0x7d]))).toThrow('not valid JSON');
    for (const shape of [{ images: [] }, { data: 'x' }, [1], null, 'data'])
      expect(() => parseImageAnswer(answer(shape))).toThrow(
        'The provider’s answer is not an image answer (it has no "data" list).',
      );
    expect(() => parseImageAnswer(answer({ data: [] }))).toThrow('The provider answered without any picture.');
  });

  it('shows at most MAX_PICTURES and says what was left out', () => {
    const items = parseImageAnswer(answer({ data: Array.from({ length: 500 }, () => ({ url: 'https://a' })) }));
    expect(items).toHaveLength(MAX_PICTURES + 1);
    expect(items.at(-1)).toEqual({
      kind: 'refused',
      reason: `The provider sent 500 entries; only the first ${MAX_PICTURES} are shown.`,
    });
  });
});

const png = (status = 200, body: BodyInit = PNG, headers?: HeadersInit) =>
  vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => new Response(body, { status, headers }));
const resolveUrl = (
  url: string,
  fetch: ReturnType<typeof png>,
  extra: { allowLocalHttp?: boolean; maxBytes?: number } = {},
) => resolveImage({ kind: 'url', url }, { allowLocalHttp: false, fetch: fetch as typeof globalThis.fetch, ...extra });

describe('resolveImage: inline bytes', () => {
  it('gives PNG and WebP bytes with their type', async () => {
    expect(await resolveImage({ kind: 'bytes', bytes: PNG }, { allowLocalHttp: false })).toEqual({
      bytes: PNG,
      mime: 'image/png',
      source: 'inline',
    });
    expect(await resolveImage({ kind: 'bytes', bytes: WEBP }, { allowLocalHttp: false })).toMatchObject({
      mime: 'image/webp',
    });
  });

  it('refuses bytes that are not a PNG, JPEG or WebP (HTML, SVG, GIF, nothing)', async () => {
    for (const text of ['<html><script>alert(1)</script></html>', '<svg onload=alert(1)>', 'GIF89a', ''])
      expect(
        await resolveImage({ kind: 'bytes', bytes: new TextEncoder().encode(text) }, { allowLocalHttp: false }),
      ).toEqual({
        kind: 'refused',
        reason: NOT_A_PICTURE,
      });
  });

  it('passes a refused entry through', async () => {
    const item: ImageAnswerItem = { kind: 'refused', reason: 'x' };
    expect(await resolveImage(item, { allowLocalHttp: false })).toBe(item);
  });
});

describe('resolveImage: links', () => {
  it('fetches an https link without cookies, redirects or referrer, and checks the bytes', async () => {
    const fetch = png();
    expect(await resolveUrl('https://cdn.example/a.png', fetch)).toEqual({
      bytes: PNG,
      mime: 'image/png',
      source: 'url',
      url: 'https://cdn.example/a.png',
    });
    expect(fetch).toHaveBeenCalledWith('https://cdn.example/a.png', {
      credentials: 'omit',
      redirect: 'error',
      referrerPolicy: 'no-referrer',
      signal: undefined,
    });
  });

  it('refuses script, data and plain http links without fetching, naming the scheme', async () => {
    const fetch = png();
    const reason = async (url: string, allowLocalHttp = false) => {
      const got = await resolveUrl(url, fetch, { allowLocalHttp });
      return 'reason' in got ? got.reason : null;
    };
    expect(await reason('javascript:alert(document.domain)')).toBe(
      'The provider sent a javascript: link instead of a picture ("javascript:alert(document.domain)"); only https links are opened.',
    );
    expect(await reason('data:text/html,<script>alert(1)</script>')).toMatch(/^The provider sent a data: link/);
    expect(await reason(`data:image/png;base64,${b64(PNG)}`)).toMatch(/^The provider sent a data: link/);
    expect(await reason('http://example.com/x.png', true)).toBe(
      'The provider sent a plain http: link to example.com instead of a picture ("http://example.com/x.png"); only https links, and http links to this computer, are opened.',
    );
    expect(await reason('http://127.0.0.1:8600/files/a.png')).toMatch(/plain http: link to 127\.0\.0\.1/);
    expect(await reason('https://user:pw@cdn.example/a.png')).toMatch(
      /^The provider sent a link with a user name or password/,
    );
    expect(await reason('not a link')).toBe(
      'The provider sent a link that is not a valid address ("not a link"), so it is not opened.',
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it('cuts a long link in its sentence', async () => {
    const got = await resolveUrl(`data:text/html,${'<b>'.repeat(5000)}`, png());
    expect('reason' in got && got.reason.length).toBeLessThan(220);
  });

  it('fetches http to localhost on the devnet', async () => {
    const got = await resolveUrl('http://127.0.0.1:8600/files/a.png', png(), { allowLocalHttp: true });
    expect(got).toMatchObject({ source: 'url', url: 'http://127.0.0.1:8600/files/a.png' });
  });

  it('refuses what the link answers when it is not a picture', async () => {
    expect(await resolveUrl('https://a.example/x', png(200, '<html>'))).toEqual({
      kind: 'refused',
      reason: NOT_A_PICTURE,
    });
    expect(await resolveUrl('https://a.example/x', png(404, 'no'))).toEqual({
      kind: 'refused',
      reason: 'The picture link answered HTTP 404 ("https://a.example/x").',
    });
  });

  it('refuses a link that fails or redirects', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await resolveUrl('https://a.example/x', fetch as unknown as ReturnType<typeof png>)).toEqual({
      kind: 'refused',
      reason:
        'The picture link could not be fetched ("https://a.example/x"). It may be down, redirect elsewhere, or not allow this site.',
    });
  });

  it('stops reading past maxBytes, declared or not', async () => {
    const sentence = 'The picture at the link is larger than 1 MB, the most the app takes ("https://a.example/x").';
    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(PNG);
    expect(await resolveUrl('https://a.example/x', png(200, big), { maxBytes: 1024 * 1024 })).toEqual({
      kind: 'refused',
      reason: sentence,
    });
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(new Uint8Array(64 * 1024));
      },
    });
    expect(await resolveUrl('https://a.example/x', png(200, endless), { maxBytes: 1024 * 1024 })).toEqual({
      kind: 'refused',
      reason: sentence,
    });
    expect(pulled).toBeLessThan(40);
    expect(await resolveUrl('https://a.example/x', png(200, PNG, { 'Content-Length': '999999999' }))).toMatchObject({
      kind: 'refused',
    });
  });
});
