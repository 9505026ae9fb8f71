import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text formats a static host sends compressed; images and fonts the build emits are compressed already. */
export const COMPRESSIBLE = /\.(?:html|js|mjs|css|json|svg|txt|xml|map|wasm|webmanifest)$/i;

/** Brotli at its best and gzip -9 copies of `data`, each only when it is smaller than `data`. */
export async function compressBoth(data: Buffer): Promise<{ br: Buffer | null; gz: Buffer | null }> {
  const [b, g] = await Promise.all([
    brotli(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
    gz(data, { level: 9 }),
  ]);
  return { br: b.length < data.length ? b : null, gz: g.length < data.length ? g : null };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/**
 * Writes `<file>.br` and `<file>.gz` next to each compressible file of the build, so a static host can send
 * them as they are (nginx `gzip_static`/`brotli_static`, Caddy `precompressed`) instead of compressing on
 * every request, or not at all. Done once at build time, brotli gets its slowest, smallest setting.
 */
export function precompressPlugin(): Plugin {
  let outDir = '';
  return {
    name: 'precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    // After every file is written, the copied public/ files included.
    async closeBundle() {
      const files = (await filesUnder(outDir)).filter((f) => COMPRESSIBLE.test(f));
      await Promise.all(
        files.map(async (file) => {
          const { br, gz } = await compressBoth(await readFile(file));
          await Promise.all([br && writeFile(`${file}.br`, br), gz && writeFile(`${file}.gz`, gz)]);
        }),
      );
    },
  };
}
