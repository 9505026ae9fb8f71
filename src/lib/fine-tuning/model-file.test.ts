import { Wallet } from 'ethers';
import { keccak256 } from 'viem';
import { describe, expect, it } from 'vitest';
import { encryptModel, newModelKey } from '../../../devnet/sim/fine-tuning-crypto';
import { modelFileFacts, tagSigner } from './model-file';

// The devnet's encryptor is itself pinned to the SDK's decryptor, so these pin the app's reading to the SDK's format.
const tee = new Wallet(Wallet.createRandom().privateKey);

describe('encrypted model facts', () => {
  it('reads the tag signature and recovers the TEE signer from one chunk', async () => {
    const file = new Uint8Array(
      encryptModel(new TextEncoder().encode('adapter weights'), newModelKey(), tee.signingKey),
    );
    const facts = modelFileFacts(file);
    expect(facts).not.toBeNull();
    expect(facts!.keccak256).toBe(keccak256(file));
    expect(facts!.size).toBe(file.length);
    expect(facts!.tagSignature.length).toBe(2 + 130);
    expect(await tagSigner(facts!.tagsKeccak256, facts!.tagSignature)).toBe(tee.address);
  });

  it('joins the tags of every chunk', async () => {
    // Small chunks stand for the SDK's 64 MiB ones, which would take seconds to hash here.
    const iv = new Uint8Array(12);
    const file = new Uint8Array(encryptModel(new Uint8Array(2500).fill(7), newModelKey(), tee.signingKey, iv, 1000));
    expect(file.length).toBe(65 + 12 + 2500 + 3 * 16);
    const facts = modelFileFacts(file, 1000)!;
    expect(await tagSigner(facts.tagsKeccak256, facts.tagSignature)).toBe(tee.address);
    // Read as one chunk, only the last tag is taken: the signature no longer recovers to the TEE key.
    const whole = modelFileFacts(file)!;
    expect(await tagSigner(whole.tagsKeccak256, whole.tagSignature)).not.toBe(tee.address);
  });

  it('names another signer when one byte of a tag changed', async () => {
    const file = new Uint8Array(encryptModel(new TextEncoder().encode('adapter'), newModelKey(), tee.signingKey));
    file[file.length - 1] = (file[file.length - 1] ?? 0) ^ 1;
    const facts = modelFileFacts(file)!;
    expect(await tagSigner(facts.tagsKeccak256, facts.tagSignature)).not.toBe(tee.address);
  });

  it('refuses files too short for the layout and malformed signatures', async () => {
    expect(modelFileFacts(new Uint8Array(92))).toBeNull();
    expect(modelFileFacts(new Uint8Array(93))).not.toBeNull();
    expect(await tagSigner(`0x${'11'.repeat(32)}`, '0x1234')).toBeNull();
    expect(await tagSigner(`0x${'11'.repeat(32)}`, `0x${'00'.repeat(65)}`)).toBeNull();
  });
});
