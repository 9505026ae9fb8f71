import { bytesToHex, hexToBytes, sha256, stringToBytes } from 'viem';

// The SDK's browser path imports one thing from 'crypto' statically: createHash('sha256'), to hash
// an attestation's app compose. The build points that single import here (see
// sdkCryptoImport in vite.config.ts) instead of at crypto-browserify, which is ~195 KB gzip of
// ciphers, RSA and Diffie-Hellman the browser never runs. The SDK's Node-only paths import
// 'crypto' dynamically and still get the full polyfill, as a chunk that never loads here.

type Encoding = 'utf8' | 'utf-8' | 'hex';

function toBytes(data: string | Uint8Array, encoding: Encoding = 'utf8'): Uint8Array {
  if (typeof data !== 'string') return data;
  if (encoding === 'hex') return hexToBytes(`0x${data}`);
  return stringToBytes(data);
}

export interface Sha256Hash {
  update(data: string | Uint8Array, encoding?: Encoding): Sha256Hash;
  digest(): Uint8Array;
  digest(encoding: 'hex'): string;
}

/** Node's createHash, for SHA-256 only: anything else throws a sentence saying so. */
export function createHash(algorithm: string): Sha256Hash {
  if (algorithm.toLowerCase() !== 'sha256') {
    throw new Error(`createHash('${algorithm}') is not available in the browser; only sha256 is.`);
  }
  const parts: Uint8Array[] = [];
  let done = false;
  const hash = {
    update(data: string | Uint8Array, encoding?: Encoding) {
      if (done) throw new Error('Digest already called');
      parts.push(toBytes(data, encoding));
      return hash;
    },
    digest(encoding?: 'hex') {
      if (done) throw new Error('Digest already called');
      done = true;
      const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) {
        all.set(p, at);
        at += p.length;
      }
      const out = sha256(all, 'bytes');
      return encoding === 'hex' ? bytesToHex(out).slice(2) : out;
    },
  } as Sha256Hash;
  return hash;
}
