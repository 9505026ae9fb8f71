import type { Address } from 'viem';
import { sameAddress } from '../address';
import { tagSigner } from '../fine-tuning/model-file';
import { modelFileFactsInWorker } from '../fine-tuning/model-file-client';
import type { ChainView, ProofReport, ProofRow } from './check';
import { row, short, signerRow } from './check-rows';
import type { DeliverableProof } from './types';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The tag signature recovers to the signer the bundle names. */
function signatureRow(b: DeliverableProof, recovered: Address | null): ProofRow {
  const { teeSigner } = b.service;
  if (!recovered)
    return row('signature', 'failed', 'The tag signature is malformed: no signer can be recovered from it.');
  if (!sameAddress(recovered, teeSigner))
    return row(
      'signature',
      'failed',
      `The tag signature recovers to ${recovered}, not to ${teeSigner}, the signer in the bundle.`,
    );
  return row('signature', 'passed', `The file's tag signature recovers to ${recovered}, the signer in the bundle.`);
}

/** The chain holds this task's deliverable for this user, with the file's hash as its model root hash. */
function deliverableRow(b: DeliverableProof, chain: ChainView): ProofRow {
  const { taskId, user, modelRootHash, file } = b.deliverable;
  const d = chain.deliverable;
  if (!chain.network || d === undefined)
    return row('deliverable', 'not-run', 'The chain could not be read, so the deliverable is not known.');
  if (d === 'unreachable')
    return row(
      'deliverable',
      'not-run',
      `${chain.network.chain.name} could not be read, so the deliverable is not known; try again.`,
    );
  if (d === null)
    return row(
      'deliverable',
      'failed',
      `The chain holds no deliverable of task ${taskId} for user ${user} with this provider.`,
    );
  if (!same(d.modelRootHash, modelRootHash))
    return row(
      'deliverable',
      'failed',
      `On chain the task's model root hash is ${short(d.modelRootHash)}, not the bundle's ${short(modelRootHash)}.`,
    );
  if (!same(file.keccak256, modelRootHash))
    return row(
      'deliverable',
      'failed',
      `The file's keccak256 ${short(file.keccak256)} is not the model root hash ${short(modelRootHash)}.`,
    );
  const state = d.settled
    ? 'its fee is settled (the settlement carries the TEE signer’s signature over this hash, checked by the contract)'
    : d.acknowledged
      ? 'the user acknowledged it; its fee is not settled yet'
      : 'the user has not acknowledged it yet';
  return row(
    'deliverable',
    'passed',
    `Model root hash ${short(d.modelRootHash)} on chain for task ${taskId}; ${state}.`,
  );
}

/** The model file beside proof.json is the one the bundle describes: same size, keccak256, signature and tags. */
async function modelRow(b: DeliverableProof, bytes: Uint8Array | undefined): Promise<ProofRow> {
  const f = b.deliverable.file;
  const name = b.media?.file ?? 'the model file';
  if (!bytes) return row('model', 'not-run', `The encrypted model (${name}) is not included, so it was not re-hashed.`);
  // A model of tens of MB takes seconds to hash: off the main thread, so the page stays responsive.
  const facts = await modelFileFactsInWorker(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  if (!facts) return row('model', 'failed', `${name} is too short to be an encrypted model.`);
  if (facts.size !== f.size)
    return row('model', 'failed', `${name} is ${facts.size} bytes, not the bundle's ${f.size}.`);
  if (!same(facts.keccak256, f.keccak256))
    return row(
      'model',
      'failed',
      `keccak256 of ${name} ${short(facts.keccak256)} ≠ the bundle's ${short(f.keccak256)}.`,
    );
  if (!same(facts.tagSignature, f.tagSignature) || !same(facts.tagsKeccak256, f.tagsKeccak256))
    return row('model', 'failed', `The tag signature or tags in ${name} are not the ones the bundle records.`);
  return row(
    'model',
    'passed',
    `keccak256 of ${name} = ${short(f.keccak256)}; its tag signature and tags are the bundle's.`,
  );
}

/** Re-checks a delivery bundle: its tag signature, the signer on chain now, the chain's deliverable and the file. */
export async function checkDeliverable(
  b: DeliverableProof,
  chain: ChainView,
  media?: { bytes: Uint8Array },
): Promise<ProofReport> {
  const recovered = await tagSigner(b.deliverable.file.tagsKeccak256, b.deliverable.file.tagSignature);
  const rows = [
    signatureRow(b, recovered),
    signerRow(b, chain, recovered),
    deliverableRow(b, chain),
    await modelRow(b, media?.bytes),
  ];
  const sentences = rows.filter((r) => r.status !== 'passed').map((r) => `${r.label}: ${r.detail}`);
  const contentIncluded = media !== undefined;
  if (!contentIncluded)
    sentences.push(
      'The encrypted model is not included, so its bytes cannot be re-hashed here; drop the bundle zip with the model file to check it.',
    );
  const onChain = chain.service !== null && typeof chain.service === 'object' ? chain.service : null;
  const signerChanged = onChain !== null && !sameAddress(onChain.teeSigner, b.service.teeSigner);
  return {
    rows,
    verified: contentIncluded && !signerChanged && rows.every((r) => r.status === 'passed'),
    contentIncluded,
    signerChanged,
    networkKnown: chain.network !== null,
    sentences,
  };
}
