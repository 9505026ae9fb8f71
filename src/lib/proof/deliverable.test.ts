import { verifyMessage } from 'ethers';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../fine-tuning/usage-zip';
import { buildDeliverableProof, parseProof, proofJsonText, type DeliverableProof } from './bundle';
import { checkProof } from './check';
import { deliveryFixture, type DeliveryFixture } from './test-fixtures';
import { proofZip, readProofFile } from './zip';

let f: DeliveryFixture;
let bundle: DeliverableProof;
beforeAll(async () => {
  f = await deliveryFixture();
  bundle = buildDeliverableProof({ ...f.input, media: { file: 'model.enc', bytes: f.model } });
});

const statuses = (r: { rows: { id: string; status: string }[] }) =>
  Object.fromEntries(r.rows.map((x) => [x.id, x.status]));
const json = (b: DeliverableProof) => parseProof(proofJsonText(b)) as DeliverableProof;

describe('fine-tuning delivery bundles', () => {
  it('round-trips and verifies with the model file beside it', async () => {
    expect(bundle.verdict.state).toBe('verified');
    const back = await readProofFile(proofZip(bundle, { file: 'model.enc', bytes: f.model }));
    expect(back.bundle).toEqual(bundle);
    const r = await checkProof(back.bundle, f.chain, back.media);
    expect(statuses(r)).toEqual({ signature: 'passed', signer: 'passed', deliverable: 'passed', model: 'passed' });
    expect(r.verified).toBe(true);
    expect(r.rows.find((x) => x.id === 'deliverable')?.detail).toContain('settled');
  });

  it('is not verified without the model file, though the rest checks out', async () => {
    const r = await checkProof(json(bundle), f.chain);
    expect(r.verified).toBe(false);
    expect(r.contentIncluded).toBe(false);
    expect(statuses(r).model).toBe('not-run');
    expect(r.rows.filter((x) => x.id !== 'model').every((x) => x.status === 'passed')).toBe(true);
  });

  it('fails "Model file matches" when one byte of the file changed', async () => {
    const edited = f.model.slice();
    edited[100] = (edited[100] ?? 0) ^ 1;
    const r = await checkProof(bundle, f.chain, { bytes: edited });
    expect(statuses(r).model).toBe('failed');
    expect(r.verified).toBe(false);
  });

  it('fails the signature and signer rows for a tag signature by another key', async () => {
    const other = privateKeyToAccount(generatePrivateKey());
    const forged = await other.sign({ hash: bundle.deliverable.file.tagsKeccak256 });
    const b = {
      ...bundle,
      deliverable: { ...bundle.deliverable, file: { ...bundle.deliverable.file, tagSignature: forged } },
    };
    const r = await checkProof(b, f.chain);
    expect(statuses(r)).toMatchObject({ signature: 'failed', signer: 'failed' });
  });

  it('says when the signer changed, the deliverable is gone or its hash differs, or the chain is unknown', async () => {
    const changed = await checkProof(
      bundle,
      { ...f.chain, service: { teeSigner: privateKeyToAccount(generatePrivateKey()).address, acknowledged: true } },
      { bytes: f.model },
    );
    expect(changed.signerChanged).toBe(true);
    expect(changed.verified).toBe(false);
    const gone = await checkProof(bundle, { ...f.chain, deliverable: null }, { bytes: f.model });
    expect(gone.rows.find((x) => x.id === 'deliverable')?.detail).toContain('no deliverable of task');
    const other = await checkProof(
      bundle,
      { ...f.chain, deliverable: { modelRootHash: `0x${'ab'.repeat(32)}`, acknowledged: true, settled: false } },
      { bytes: f.model },
    );
    expect(statuses(other).deliverable).toBe('failed');
    const unknown = await checkProof(bundle, { network: null, service: 'unreachable', deliverable: 'unreachable' });
    expect(statuses(unknown)).toMatchObject({ signer: 'not-run', deliverable: 'not-run' });
    expect(unknown.networkKnown).toBe(false);
  });

  it('records a mismatch in the app verdict and refuses model bytes of another size', () => {
    const mismatch = buildDeliverableProof({ ...f.input, modelRootHash: `0x${'cd'.repeat(32)}` });
    expect(mismatch.verdict.state).toBe('content-mismatch');
    const wrongSigner = buildDeliverableProof({ ...f.input, tagSigner: null });
    expect(wrongSigner.verdict.state).toBe('failed');
    expect(() => buildDeliverableProof({ ...f.input, media: { file: 'm', bytes: new Uint8Array(3) } })).toThrow(
      'size differs',
    );
  });

  it.each([
    [{ deliverable: { ...({} as object) } }, 'deliverable.taskId'],
    [{ service: { serviceType: 'chatbot' } }, 'service.serviceType'],
  ])('refuses a malformed bundle (%#)', (over, words) => {
    const b = { ...JSON.parse(proofJsonText(bundle)), ...over } as object;
    expect(() => parseProof(JSON.stringify(b))).toThrow(words);
  });

  it('refuses a task id with a line break, and a short hash', () => {
    const b = JSON.parse(proofJsonText(bundle)) as DeliverableProof;
    expect(() => parseProof(JSON.stringify({ ...b, deliverable: { ...b.deliverable, taskId: 'a\nb' } }))).toThrow(
      'task id',
    );
    expect(() =>
      parseProof(JSON.stringify({ ...b, deliverable: { ...b.deliverable, modelRootHash: '0x12' } })),
    ).toThrow('modelRootHash');
  });

  it('carries a README with the steps to check it by hand', async () => {
    const files = await readZip(proofZip(bundle, { file: 'model.enc', bytes: f.model }));
    const readme = new TextDecoder().decode(files.find((e) => e.name === 'README.txt')!.data);
    expect(readme).toContain(bundle.deliverable.file.keccak256);
    expect(readme).toContain('ethers.recoverAddress');
    expect(readme).toContain('getDeliverable(');
    // Not the EIP-191 check of answers: the tag signature has no message prefix.
    expect(() =>
      verifyMessage(bundle.deliverable.file.tagsKeccak256, bundle.deliverable.file.tagSignature),
    ).not.toThrow();
    expect(verifyMessage(bundle.deliverable.file.tagsKeccak256, bundle.deliverable.file.tagSignature)).not.toBe(
      f.tee.address,
    );
  });
});
