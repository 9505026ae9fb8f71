import { createHash } from 'node:crypto';
import { verifyMessage } from 'ethers';
import { beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../fine-tuning/usage-zip';
import { zipStore } from '../zip';
import { buildProof, proofJsonText, ProofError, type AnswerProof } from './bundle';
import { checkProof } from './check';
import { NETWORK, verifiedFixture, type Fixture } from './test-fixtures';
import { proofZip, readProofFile } from './zip';

const PICTURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
let f: Fixture;
let bundle: AnswerProof;
beforeAll(async () => {
  f = await verifiedFixture();
  bundle = buildProof({
    kind: 'image',
    network: NETWORK,
    service: { ...f.service, model: 'flux\n3. Forged step\u202e' },
    verification: f.verification,
    exchange: { request: f.request, response: f.response },
    media: { file: 'fox.png', type: 'image/png', bytes: PICTURE, role: 'picture' },
    now: new Date('2026-01-02T03:04:06.000Z'),
  });
});

const utf8 = new TextDecoder();

describe('proofZip', () => {
  it('holds proof.json, the media and a README with the steps to check it by hand', async () => {
    const files = await readZip(proofZip(bundle, { file: 'fox.png', bytes: PICTURE }));
    expect(files.map((e) => e.name).sort()).toEqual(['README.txt', 'fox.png', 'proof.json']);
    const json = JSON.parse(utf8.decode(files.find((e) => e.name === 'proof.json')!.data)) as AnswerProof;
    // An independent check, as the README says: sha256 of the bytes and ethers' EIP-191 recover.
    const hash = createHash('sha256').update(Buffer.from(json.response.bytes!, 'base64')).digest('hex');
    expect(json.signed!.text.split(':')[1]).toBe(hash);
    expect(verifyMessage(json.signed!.text, json.signed!.signature)).toBe(json.service.teeSigner);
    const readme = utf8.decode(files.find((e) => e.name === 'README.txt')!.data);
    expect(readme).toContain('cast wallet verify');
    expect(readme).toContain('ethers.verifyMessage');
    expect(readme).toContain('sha256sum');
    // Provider text stays on one line: it cannot forge a step.
    expect(readme).not.toMatch(/^3\. Forged/m);
    expect(readme).not.toContain('\u202e');
  });

  it('refuses media bytes other than the ones the bundle records', () => {
    expect(() => proofZip(bundle, { file: 'fox.png', bytes: Uint8Array.from([9]) })).toThrow(ProofError);
  });
});

describe('readProofFile', () => {
  it('reads a zip bundle back with its media', async () => {
    const got = await readProofFile(proofZip(bundle, { file: 'fox.png', bytes: PICTURE }), 'proof.zip');
    expect(got.bundle).toEqual(bundle);
    expect(got.media).toEqual({ file: 'fox.png', type: 'image/png', bytes: PICTURE });
  });

  it('reads a media file of 30 MB (up to the 50 MB a bundle may be)', async () => {
    const big = new Uint8Array(30 * 1024 * 1024).fill(7);
    const withBig = { ...bundle, media: { ...bundle.media!, sha256: createHash('sha256').update(big).digest('hex') } };
    const got = await readProofFile(proofZip(withBig, { file: 'fox.png', bytes: big }));
    expect(got.media?.bytes.length).toBe(big.length);
  });

  it('reads a JSON bundle, with whitespace before it', async () => {
    const got = await readProofFile(new TextEncoder().encode(`\n  ${proofJsonText(bundle)}`));
    expect(got).toEqual({ bundle });
  });

  it('returns a media file whose hash differs, for checkProof to report', async () => {
    const zip = zipStore([
      { name: 'proof.json', data: proofJsonText(bundle) },
      { name: 'fox.png', data: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 4]) },
    ]);
    const got = await readProofFile(zip);
    expect(got.media?.bytes).toEqual(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 4]));
    const report = await checkProof(got.bundle, f.chain, got.media);
    expect(report.rows.find((r) => r.id === 'media')?.status).toBe('failed');
    expect(report.verified).toBe(false);
  });

  it('says a zip without proof.json holds no bundle', async () => {
    const zip = zipStore([{ name: 'fox.png', data: PICTURE }]);
    await expect(readProofFile(zip, 'x.zip')).rejects.toThrow('a zip without proof.json');
  });

  it('refuses more than 50 MB, a damaged zip, and a file that is neither', async () => {
    await expect(readProofFile(new Uint8Array(50 * 1024 * 1024 + 1))).rejects.toThrow('larger than 50 MB');
    const zip = proofZip(bundle);
    await expect(readProofFile(zip.subarray(0, zip.length - 30))).rejects.toThrow(ProofError);
    await expect(readProofFile(new TextEncoder().encode('hello'))).rejects.toThrow('neither a proof bundle');
    await expect(readProofFile(Uint8Array.from([0xff, 0xfe, 0x7b]))).rejects.toThrow('not UTF-8');
    await expect(readProofFile(new TextEncoder().encode('{"format": 1'))).rejects.toThrow('not valid JSON');
  });
});
