import { randomBytes } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { COMPRESSIBLE, compressBoth } from './precompress';

describe('precompressed copies of the build', () => {
  it('makes a brotli and a gzip copy of text that shrinks, each decoding to the original', async () => {
    const text = Buffer.from('export const providers = [];\n'.repeat(200));
    const { br, gz } = await compressBoth(text);
    expect(br).not.toBeNull();
    expect(gz).not.toBeNull();
    expect(brotliDecompressSync(br!)).toEqual(text);
    expect(gunzipSync(gz!)).toEqual(text);
    expect(br!.length).toBeLessThan(gz!.length);
  });

  it('skips a file that would not shrink', async () => {
    expect(await compressBoth(randomBytes(4096))).toEqual({ br: null, gz: null });
  });

  it('compresses the text formats the build emits, not pictures or copies already compressed', () => {
    for (const f of ['index.html', 'assets/index-abc.js', 'assets/index-abc.css', 'favicon.svg', 'theme.js'])
      expect(f).toMatch(COMPRESSIBLE);
    for (const f of ['assets/logo.png', 'assets/index-abc.js.br', 'assets/index-abc.js.gz', 'font.woff2'])
      expect(f).not.toMatch(COMPRESSIBLE);
  });
});
