import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as stub from './ethers-unused';

// The browser build resolves @adraffy/ens-normalize and aes-js to ./ethers-unused (vite.config.ts). These tests hold
// that to the pinned ethers and SDK: every name ethers imports from them is stubbed, and the SDK calls none of the
// ethers features that need them.

const modules = path.join(import.meta.dirname, '../../../node_modules');

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(p)));
    else if (entry.name.endsWith('.js')) out.push(p);
  }
  return out;
}

/** Names ethers' ESM build imports from `pkg`, by file. */
async function importsFrom(pkg: string): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  const from = new RegExp(`import \\{([^}]*)\\} from ["']${pkg}["']`, 'g');
  for (const file of await files(path.join(modules, 'ethers/lib.esm'))) {
    for (const m of (await readFile(file, 'utf8')).matchAll(from))
      found[path.relative(path.join(modules, 'ethers/lib.esm'), file)] = m[1]!.split(',').map((n) => n.trim());
  }
  return found;
}

describe('the browser build’s stand-in for ENS normalisation and keystore AES', () => {
  it('stubs every name ethers imports from them', async () => {
    expect(await importsFrom('@adraffy/ens-normalize')).toEqual({ 'hash/namehash.js': ['ens_normalize'] });
    expect(await importsFrom('aes-js')).toEqual({
      'wallet/json-crowdsale.js': ['CBC', 'pkcs7Strip'],
      'wallet/json-keystore.js': ['CTR'],
    });
    for (const name of ['ens_normalize', 'CBC', 'CTR', 'pkcs7Strip']) expect(stub).toHaveProperty(name);
  });

  it('is not needed by the SDK: it resolves no ENS name and reads no keystore', async () => {
    const dir = path.join(modules, '@0glabs/0g-serving-broker/lib.esm');
    for (const name of await readdir(dir)) {
      if (!name.endsWith('.js')) continue;
      const code = await readFile(path.join(dir, name), 'utf8');
      expect(code, name).not.toMatch(
        /\b(namehash|ensNormalize|resolveName|getResolver|lookupAddress|fromEncryptedJson|decryptKeystoreJson|encryptKeystoreJson|decryptCrowdsaleJson)\b/,
      );
    }
  });

  it('throws a plain sentence if a path ever does call it', () => {
    expect(() => stub.ens_normalize('vitalik.eth')).toThrow(
      'ENS name normalisation is not in this app’s browser build',
    );
    expect(() => new stub.CTR()).toThrow(/not in this app’s browser build/);
    expect(() => stub.pkcs7Strip(new Uint8Array())).toThrow(/not in this app’s browser build/);
  });
});
