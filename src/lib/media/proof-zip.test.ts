import { describe, expect, it } from 'vitest';
import { readZip } from '../fine-tuning/usage-zip';
import { checkProof } from '../proof/check';
import { NETWORK, verifiedFixture } from '../proof/test-fixtures';
import { parseProof, ProofError, type AnswerProof } from '../proof/bundle';
import { readProofFile } from '../proof/zip';
import { bundleMediaName, mediaProofZip, proofZipName, type MediaProofInput } from './proof-zip';

const PICTURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const utf8 = new TextDecoder();

async function input(extra: Partial<MediaProofInput> = {}) {
  const f = await verifiedFixture();
  const base: MediaProofInput = {
    kind: 'image',
    network: NETWORK,
    service: f.service,
    verification: f.verification,
    exchange: { request: f.request, response: f.response },
    media: { file: 'a-red-fox-img-1a2b.png', type: 'image/png', bytes: PICTURE, role: 'picture' },
    now: new Date('2025-05-06T07:08:10.000Z'),
    ...extra,
  };
  return { f, base };
}

const files = async (zip: Uint8Array) => new Map((await readZip(zip)).map((e) => [e.name, e.data]));

describe('mediaProofZip', () => {
  it('is one bundle zip: proof.json (version 1, with the bytes), the picture and README.txt', async () => {
    const { f, base } = await input();
    const zip = await files(mediaProofZip(base));
    expect([...zip.keys()].sort()).toEqual(['README.txt', 'a-red-fox-img-1a2b.png', 'proof.json']);
    expect(zip.get('a-red-fox-img-1a2b.png')).toEqual(PICTURE);
    const bundle = parseProof(utf8.decode(zip.get('proof.json')));
    expect(bundle).toMatchObject({
      format: '0g-compute-proof',
      version: 1,
      kind: 'image',
      network: { chainId: NETWORK.chain.id },
      service: { provider: f.service.provider, model: f.service.model, teeSigner: f.tee.address },
      request: { sha256: f.verification.localRequestHash, bytes: Buffer.from(f.request).toString('base64') },
      response: { sha256: f.verification.localResponseHash, bytes: Buffer.from(f.response).toString('base64') },
      media: { file: 'a-red-fox-img-1a2b.png', type: 'image/png', role: 'picture' },
    });
    // The no-older-format rule: none of the old media proof's fields survive.
    expect(utf8.decode(zip.get('proof.json'))).not.toMatch(/0g-compute-media-proof|requestSha256|mediaFile/);
  });

  it('reads back and checks as verified, the picture included', async () => {
    const { f, base } = await input();
    const read = await readProofFile(mediaProofZip(base), 'x-proof.zip');
    expect(read.media?.bytes).toEqual(PICTURE);
    const report = await checkProof(read.bundle, f.chain, read.media);
    expect(report.verified).toBe(true);
  });

  it('leaves the bytes out for hashes only, so the content is not included', async () => {
    const { f, base } = await input({ hashesOnly: true });
    const read = await readProofFile(mediaProofZip(base));
    const bundle = read.bundle as AnswerProof;
    expect(bundle.request).toEqual({ sha256: f.verification.localRequestHash });
    expect(bundle.response).toEqual({ sha256: f.verification.localResponseHash });
    expect((await checkProof(read.bundle, f.chain, read.media)).verified).toBe(false);
  });

  it('refuses bytes that are not the ones verified: such a zip would contradict itself', async () => {
    const { f, base } = await input();
    const edited = Uint8Array.from(f.response);
    edited[0]! ^= 1;
    expect(() => mediaProofZip({ ...base, exchange: { request: f.request, response: edited } })).toThrow(ProofError);
  });

  it('never lets the media file take a name the zip uses for itself', async () => {
    expect(bundleMediaName('proof.json')).toBe('media-proof.json');
    expect(bundleMediaName('README.TXT')).toBe('media-README.TXT');
    const { base } = await input();
    const zip = await files(mediaProofZip({ ...base, media: { ...base.media, file: 'readme.txt' } }));
    expect(zip.get('media-readme.txt')).toEqual(PICTURE);
    expect(utf8.decode(zip.get('README.txt'))).not.toBe(utf8.decode(PICTURE));
  });
});

describe('proofZipName', () => {
  it('names the zip after the media file, as the downloads always were', () => {
    expect(proofZipName('a-red-fox-img-1a2b.png')).toBe('a-red-fox-img-1a2b-proof.zip');
    expect(proofZipName('talk-abc.zip')).toBe('talk-abc-proof.zip');
  });
});
