// Stand-in, in the browser build only, for two libraries ethers bundles for features the 0G SDK never uses:
// ENS name normalisation (@adraffy/ens-normalize, ~20 kB gzip of Unicode tables; every address the app and the SDK
// pass is hex, which ethers never resolves through ENS) and AES for JSON keystore and crowdsale wallets (aes-js; the
// app never reads a keystore, and the SDK brings its own ciphers). Importing it is harmless; calling
// anything throws a sentence, so a path that does need them fails plainly rather than silently.

function notInBuild(what: string): never {
  throw new Error(`${what} is not in this app’s browser build`);
}

/** ethers' namehash.js: ENS names. */
export function ens_normalize(_name: string): string {
  return notInBuild('ENS name normalisation');
}

/** ethers' json-keystore.js and json-crowdsale.js: encrypted JSON wallets. */
export class CTR {
  constructor() {
    notInBuild('AES-CTR (JSON keystore wallets)');
  }
}
export class CBC {
  constructor() {
    notInBuild('AES-CBC (crowdsale wallets)');
  }
}
export function pkcs7Strip(_data: Uint8Array): Uint8Array {
  return notInBuild('PKCS#7 padding (crowdsale wallets)');
}
