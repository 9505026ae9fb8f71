import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SDK_PACKAGE, SDK_VERSION } from '../src/lib/broker/sdk-package';
import { SDK_REWRITES, trimSdkModule } from './sdk-trim';

// The pinned SDK's ESM build, as the app's bundler sees it.
const esmDir = path.join(import.meta.dirname, '../node_modules/@0glabs/0g-serving-broker/lib.esm');

async function trimmedSdk() {
  const found: number[] = [];
  const modules = new Map<string, string>();
  for (const name of (await readdir(esmDir)).filter((n) => /\.m?js$/.test(n))) {
    modules.set(name, trimSdkModule(await readFile(path.join(esmDir, name), 'utf8'), found));
  }
  return { found, modules };
}

describe('the browser build’s trim of the 0G SDK', () => {
  it('matches the pinned SDK: one createHash import, one crypto-browserify require, three bytecodes', async () => {
    const { found } = await trimmedSdk();
    expect(Object.fromEntries(SDK_REWRITES.map((r, i) => [r.why, found[i] ?? 0]))).toEqual({
      "createHash from 'crypto'": 1,
      "require('crypto-browserify')": 1,
      'deployment bytecode': 3,
    });
  });

  it('leaves no named crypto import, crypto-browserify require or bytecode in what the SDK entry loads statically', async () => {
    const { modules } = await trimmedSdk();
    // The static closure of the entry; adm-zip and the download helper load by import() on Node-only paths.
    const eager = new Set<string>();
    const visit = (name: string) => {
      if (eager.has(name)) return;
      eager.add(name);
      for (const m of (modules.get(name) ?? '').matchAll(/^(?:import|export)\b[^;]*?'\.\/([^']+)';$/gm)) visit(m[1]!);
    };
    visit('index.mjs');
    expect([...eager].sort()).toEqual(['index-107ed79b.js', 'index.mjs']);
    for (const name of eager) {
      const code = modules.get(name) ?? '';
      // A bare `import 'crypto'` stays: the polyfill is side-effect free, so the bundler drops it.
      expect(code, name).not.toMatch(/^import [^;']+ from 'crypto';$/m);
      expect(code, name).not.toMatch(/require\('crypto(-browserify)?'\)/);
      expect(code, name).not.toMatch(/'0x[0-9a-f]{1000,}'/);
    }
  });

  it('is the SDK the adapter names, at the version it names (the Build snippets pin it too)', async () => {
    const pkg = JSON.parse(await readFile(path.join(esmDir, '../package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    expect(pkg).toMatchObject({ name: SDK_PACKAGE, version: SDK_VERSION });
  });
});
