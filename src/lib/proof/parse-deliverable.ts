import type { Hex } from 'viem';
import { address, fail, media, network, obj, text, time, verdict, type Obj } from './parse-fields';
import { PROOF_FORMAT, PROOF_VERSION, type DeliverableProof } from './types';

const HASH = /^0x[0-9a-fA-F]{64}$/;
const SIGNATURE = /^0x[0-9a-fA-F]{130}$/;
// A task id is a UUID; a little room for other providers' ids, none for line breaks or controls.
const TASK_ID = /^[A-Za-z0-9_-]{1,128}$/;

const hash = (v: unknown, path: string): Hex =>
  typeof v === 'string' && HASH.test(v)
    ? (v.toLowerCase() as Hex)
    : fail(path, 'a 32-byte hash (0x and 64 hex digits)');

function file(v: unknown): DeliverableProof['deliverable']['file'] {
  const o = obj(v, 'deliverable.file');
  const size = o.size;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
    fail('deliverable.file.size', 'a whole number of bytes');
  const signature = o.tagSignature;
  if (typeof signature !== 'string' || !SIGNATURE.test(signature))
    fail('deliverable.file.tagSignature', 'a 65-byte signature (0x and 130 hex digits)');
  return {
    keccak256: hash(o.keccak256, 'deliverable.file.keccak256'),
    size: size as number,
    tagSignature: (signature as string).toLowerCase() as Hex,
    tagsKeccak256: hash(o.tagsKeccak256, 'deliverable.file.tagsKeccak256'),
  };
}

/** Reads a fine-tuning delivery bundle (format and version already checked); throws ProofError. */
export function parseDeliverable(o: Obj): DeliverableProof {
  const s = obj(o.service, 'service');
  if (s.serviceType !== 'fine-tuning') fail('service.serviceType', '"fine-tuning"');
  const d = obj(o.deliverable, 'deliverable');
  const taskId = d.taskId;
  if (typeof taskId !== 'string' || !TASK_ID.test(taskId)) fail('deliverable.taskId', 'a task id');
  const bundle: DeliverableProof = {
    format: PROOF_FORMAT,
    version: PROOF_VERSION,
    kind: 'fine-tuning',
    createdAt: time(o.createdAt, 'createdAt'),
    network: network(o.network),
    service: {
      provider: address(s.provider, 'service.provider'),
      serviceType: 'fine-tuning',
      model: text(s.model, 'service.model'),
      url: text(s.url, 'service.url'),
      teeSigner: address(s.teeSigner, 'service.teeSigner'),
      readAt: time(s.readAt, 'service.readAt'),
    },
    deliverable: {
      taskId: taskId as string,
      user: address(d.user, 'deliverable.user'),
      modelRootHash: hash(d.modelRootHash, 'deliverable.modelRootHash'),
      file: file(d.file),
    },
    verdict: verdict(o.verdict),
  };
  if (o.media !== undefined) bundle.media = media(o.media);
  return bundle;
}
