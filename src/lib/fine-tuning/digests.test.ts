import { getBytes, solidityPackedKeccak256, Wallet } from 'ethers';
import { describe, expect, it } from 'vitest';
import { cancelDigest, loraDigest, taskDigest, taskIdHex, uploadDigest } from './digests';

// The devnet simulator is the provider's ground truth. It is loaded by a computed path so the
// app's typecheck (DOM lib) does not follow it into its Node-only HTTP helpers.
const sim = (file: string) =>
  import(/* @vite-ignore */ `../../../devnet/sim/${file}`) as Promise<Record<string, unknown>>;
type Verify = (...args: unknown[]) => string;
type Names = 'verifyCancel' | 'verifyDatasetUpload' | 'verifyLoraDownload' | 'verifyTaskRequest';
const { verifyCancel, verifyDatasetUpload, verifyLoraDownload, verifyTaskRequest } = (await sim(
  'fine-tuning-auth.ts',
)) as Record<Names, Verify>;

// Fixed keys: the same digests every run.
const user = new Wallet('0x' + '11'.repeat(32));
const other = new Wallet('0x' + '22'.repeat(32));
const address = user.address as `0x${string}`;
const taskId = '3f2b8c1e-9d4a-4b7e-8f00-1a2b3c4d5e6f';
const ts = 1_700_000_000;
const datasetHash = '0x' + 'ab'.repeat(32);

describe('fine-tuning digests, checked by the simulated provider', () => {
  it('signs a dataset upload the provider accepts, for this user only', async () => {
    const digest = uploadDigest(address, ts);
    expect(digest).toHaveLength(32);
    verifyDatasetUpload(address, ts, await user.signMessage(digest), ts);
    verifyDatasetUpload(address, String(ts), await user.signMessage(digest), ts);
    const forged = await other.signMessage(digest);
    expect(() => verifyDatasetUpload(address, ts, forged, ts)).toThrow(/not made by/);
  });

  it('hashes the checksummed address, whatever case it is given in', () => {
    expect(uploadDigest(address.toLowerCase() as `0x${string}`, ts)).toEqual(uploadDigest(address, ts));
    expect(uploadDigest(address, ts + 1)).not.toEqual(uploadDigest(address, ts));
    expect(() => uploadDigest(address, 1.5)).toThrow(/whole Unix seconds/);
  });

  it('signs a task request the provider accepts and recovers the key from', async () => {
    const digest = taskDigest(address, 7n, datasetHash);
    expect(digest).toEqual(
      getBytes(solidityPackedKeccak256(['address', 'uint256', 'string'], [address, 7n, datasetHash])),
    );
    const publicKey = verifyTaskRequest(address, '7', datasetHash, await user.signMessage(digest));
    expect(publicKey.toLowerCase()).toBe(user.signingKey.publicKey.toLowerCase());
    // The nonce is part of what is signed.
    const wrongNonce = await user.signMessage(taskDigest(address, 8n, datasetHash));
    expect(() => verifyTaskRequest(address, '7', datasetHash, wrongNonce)).toThrow(/not made by/);
    const forged = await other.signMessage(digest);
    expect(() => verifyTaskRequest(address, '7', datasetHash, forged)).toThrow(/not made by/);
  });

  it('signs a cancellation over the id bytes without dashes', async () => {
    expect(taskIdHex(taskId)).toBe('0x3f2b8c1e9d4a4b7e8f001a2b3c4d5e6f');
    verifyCancel(address, taskId, await user.signMessage(cancelDigest(taskId)));
    const forged = await other.signMessage(cancelDigest(taskId));
    expect(() => verifyCancel(address, taskId, forged)).toThrow(/not made by/);
    const otherTask = await user.signMessage(cancelDigest('00000000-0000-0000-0000-000000000000'));
    expect(() => verifyCancel(address, taskId, otherTask)).toThrow(/not made by/);
  });

  it('signs a model download the provider accepts', async () => {
    verifyLoraDownload(address, taskId, ts, await user.signMessage(loraDigest(taskId, ts)), ts);
    const forged = await other.signMessage(loraDigest(taskId, ts));
    expect(() => verifyLoraDownload(address, taskId, ts, forged, ts)).toThrow(/not made by/);
    const stale = await user.signMessage(loraDigest(taskId, ts - 1));
    expect(() => verifyLoraDownload(address, taskId, ts, stale, ts)).toThrow(/not made by/);
  });

  it('refuses ids that are not hex and dashes', () => {
    expect(() => cancelDigest('../etc')).toThrow(/task id/);
    expect(() => loraDigest('abc', ts)).toThrow(/task id/);
    expect(() => taskIdHex('')).toThrow(/task id/);
  });
});
