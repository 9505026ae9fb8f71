import { keccak256, toBeArray, toUtf8Bytes, Wallet, getBytes } from 'ethers';
import { describe, expect, it } from 'vitest';
import { digestSigners } from './signed-digest';

describe('digestSigners', () => {
  it('accepts a digest with a leading zero byte signed the SDK’s way (toBeArray) and in full', async () => {
    const wallet = Wallet.createRandom();
    // About one message in 256 hashes to a digest starting with 0x00: the case the SDK signs shorter.
    let n = 0;
    while (!keccak256(toUtf8Bytes(`m${n}`)).startsWith('0x00')) n++;
    const digest = keccak256(toUtf8Bytes(`m${n}`));
    expect(toBeArray(digest).length).toBeLessThan(32);
    const sdkWay = await wallet.signMessage(toBeArray(digest));
    const fullWay = await wallet.signMessage(getBytes(digest));
    expect(digestSigners(digest, sdkWay)).toContain(wallet.address);
    expect(digestSigners(digest, fullWay)).toContain(wallet.address);
    expect(digestSigners(digest, await Wallet.createRandom().signMessage(toBeArray(digest)))).not.toContain(
      wallet.address,
    );
  });
});
