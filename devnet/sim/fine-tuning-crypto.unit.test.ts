import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getBytes, keccak256, toUtf8Bytes, Wallet } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCancel, verifyDatasetUpload, verifyLoraDownload, verifyTaskRequest } from './fine-tuning-auth.js';
import { CHUNK_PLAINTEXT, encryptModel, encryptModelKey, newModelKey } from './fine-tuning-crypto.js';
import { HttpError } from './http.js';

const randomWallet = (): Wallet => new Wallet(Wallet.createRandom().privateKey);

// The SDK's own decryption and signing code, loaded by file path (its `exports` blocks deep imports),
// so these tests pin the format to what the SDK reads rather than to our reading of it.
const require = createRequire(import.meta.url);
const sdkUtils = path.join(path.dirname(require.resolve('@0glabs/0g-serving-broker')), 'common/utils/encrypt.js');
const sdk = require(sdkUtils) as {
  eciesDecrypt: (signer: { privateKey: string }, data: string) => Promise<string>;
  aesGCMDecryptToFile: (key: string, encPath: string, decPath: string, signer: string) => Promise<void>;
  signRequest: (signer: Wallet, user: string, nonce: bigint, datasetHash: string) => Promise<string>;
  signTaskID: (signer: Wallet, id: string) => Promise<string>;
  signDatasetUpload: (signer: Wallet, user: string, timestamp: number) => Promise<string>;
};

const tee = randomWallet();
const user = randomWallet();
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ft-crypto-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function sdkDecrypt(file: Buffer, key: Buffer, signer: string): Promise<Buffer> {
  const enc = path.join(dir, `enc-${Math.random()}`);
  const dec = `${enc}.dec`;
  await writeFile(enc, file);
  await sdk.aesGCMDecryptToFile(key.toString('hex'), enc, dec, signer);
  return readFile(dec);
}

describe('encrypted model format', () => {
  it('decrypts with the SDK and verifies the TEE tag signature', async () => {
    const plaintext = Buffer.from('{"lora":"weights"}\n'.repeat(200));
    const key = newModelKey();
    const file = encryptModel(plaintext, key, tee.signingKey);
    expect(file.length).toBe(65 + 12 + plaintext.length + 16);
    expect(await sdkDecrypt(file, key, tee.address)).toEqual(plaintext);
  });

  it('is rejected by the SDK when another key signed the tags', async () => {
    const key = newModelKey();
    const file = encryptModel(Buffer.from('adapter'), key, randomWallet().signingKey);
    await expect(sdkDecrypt(file, key, tee.address)).rejects.toThrow('Invalid tag signature');
  });

  it('steps the IV between 64 MiB chunks like the SDK', async () => {
    const plaintext = Buffer.alloc(CHUNK_PLAINTEXT + 1000, 7);
    plaintext.write('end', plaintext.length - 3);
    const key = newModelKey();
    // An IV ending in 0xff checks the carry into the next byte.
    const iv = Buffer.from('0000000000000000000000ff', 'hex');
    const file = encryptModel(plaintext, key, tee.signingKey, iv);
    expect(file.length).toBe(65 + 12 + plaintext.length + 2 * 16);
    expect((await sdkDecrypt(file, key, tee.address)).equals(plaintext)).toBe(true);
  });
});

describe('model key and request signatures', () => {
  it('encrypts the key so the SDK recovers it from the task signature alone', async () => {
    const datasetHash = '0x' + 'ab'.repeat(32);
    const nonce = 17_000_000_000_000_040n;
    const signature = await sdk.signRequest(user, user.address, nonce, datasetHash);
    const publicKey = verifyTaskRequest(user.address, nonce.toString(), datasetHash, signature);
    const key = newModelKey();
    const secret = encryptModelKey(key, publicKey);
    expect(secret).toMatch(/^0x[0-9a-f]+$/);
    expect(await sdk.eciesDecrypt(user, secret)).toBe(key.toString('hex'));
  });

  it('accepts what the SDK signs and rejects another signer', async () => {
    const now = Math.floor(Date.now() / 1000);
    const upload = await sdk.signDatasetUpload(user, user.address, now);
    expect(() => verifyDatasetUpload(user.address, String(now), upload, now)).not.toThrow();
    const stranger = randomWallet();
    const forged = await sdk.signDatasetUpload(stranger, user.address, now);
    expect(() => verifyDatasetUpload(user.address, String(now), forged, now)).toThrow(HttpError);

    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(() => verifyCancel(user.address, id, '0x00')).toThrow(HttpError);
    expect(() => verifyCancel(user.address, id, upload)).toThrow(/not made by/);
  });

  it('verifies the cancel signature the SDK makes', async () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(() => verifyCancel(user.address, id, undefined)).toThrow(/missing its signature/);
    const signature = await sdk.signTaskID(user, id);
    expect(() => verifyCancel(user.address, id, signature)).not.toThrow();
  });

  it('verifies a model download signed the way the SDK signs it', async () => {
    const now = Math.floor(Date.now() / 1000);
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    // Copied from the SDK's downloadLoRAFromTEE, which does not export its signing step.
    const hash = keccak256(toUtf8Bytes(`${id.replace(/-/g, '')}${now}`));
    const signature = await user.signMessage(getBytes(hash));
    expect(() => verifyLoraDownload(user.address, id, now, signature, now)).not.toThrow();
    expect(() => verifyLoraDownload(user.address, id, now + 1, signature, now)).toThrow(/not made by/);
  });

  it('refuses a signed timestamp older than 5 minutes', async () => {
    const now = Math.floor(Date.now() / 1000);
    const old = now - 301;
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const upload = await sdk.signDatasetUpload(user, user.address, old);
    expect(() => verifyDatasetUpload(user.address, String(old), upload, now)).toThrow(/5 minutes/);
    expect(() => verifyLoraDownload(user.address, id, 'soon', '0x', now)).toThrow(/Unix seconds/);
  });
});
