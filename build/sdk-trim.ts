import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const sdkCrypto = fileURLToPath(new URL('../src/lib/broker/sdk-crypto.ts', import.meta.url));

/** A module of the 0G SDK's ESM build, the one the app bundles. */
export const SDK_MODULE = /[\\/]@0glabs[\\/]0g-serving-broker[\\/]lib\.esm[\\/][^\\/]+\.js$/;

interface Rewrite {
  why: string;
  find: RegExp;
  replace: string;
}

/**
 * What the browser build leaves out of the 0G SDK (exactly 0.7.4), each a static reference to code
 * a browser never runs, together ~225 KB gzip on the way to the first chat answer:
 * - crypto-browserify (~185 KB gzip of ciphers, RSA and Diffie-Hellman) is reached through
 *   `createHash` from 'crypto', used for SHA-256 of an attestation's app compose, which goes to a
 *   small module instead, and through a `require('crypto-browserify')` in the SDK's Node-only
 *   crypto adapter (whose constructor throws in a browser), made to throw, which that code catches.
 *   Its dynamic `import('crypto')`s on Node-only paths keep the polyfill as a chunk never loaded.
 * - The contracts' deployment bytecode (~32 KB gzip) in its typechain factories: the app connects
 *   to deployed contracts and never deploys one.
 */
export const SDK_REWRITES: readonly Rewrite[] = [
  {
    why: "createHash from 'crypto'",
    find: /^import \{ createHash as ([\w$]+) \} from 'crypto';$/gm,
    replace: `import { createHash as $1 } from ${JSON.stringify(sdkCrypto)};`,
  },
  {
    why: "require('crypto-browserify')",
    find: /require\('crypto-browserify'\)/g,
    replace: "(() => { throw new Error('crypto-browserify is not in the browser build'); })()",
  },
  {
    why: 'deployment bytecode',
    find: /^const (_bytecode(?:\$\d+)?) = '0x[0-9a-f]{1000,}';$/gm,
    replace: "const $1 = '0x'; // deployment bytecode: not in the browser build",
  },
];

/** Applies the rewrites to one module's code; `found` counts the matches of each. */
export function trimSdkModule(code: string, found: number[]): string {
  let out = code;
  SDK_REWRITES.forEach((r, i) => {
    const matches = out.match(r.find)?.length ?? 0; // every `find` is global: this counts matches
    if (matches === 0) return;
    found[i] = (found[i] ?? 0) + matches;
    out = out.replace(r.find, r.replace);
  });
  return out;
}

/**
 * The build's trim of the SDK. It fails the build when the SDK no longer matches a rewrite, rather
 * than silently shipping what it was meant to leave out.
 */
export function sdkTrim(): Plugin {
  const found: number[] = [];
  return {
    name: 'sdk-trim',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!SDK_MODULE.test(id)) return null;
      const out = trimSdkModule(code, found);
      return out === code ? null : { code: out, map: null };
    },
    buildEnd(error) {
      if (error || !Array.from(this.getModuleIds()).some((id) => SDK_MODULE.test(id))) return;
      const missed = SDK_REWRITES.filter((_, i) => !found[i]).map((r) => r.why);
      if (missed.length > 0)
        this.error(`The 0G SDK no longer matches: ${missed.join(', ')}. Review build/sdk-trim.ts.`);
    },
  };
}
