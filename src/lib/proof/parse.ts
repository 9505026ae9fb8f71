import { fromBase64 } from './base64';
import { parseDeliverable } from './parse-deliverable';
import { address, fail, media, network, obj, oneOf, sha, text, time, verdict, type Obj } from './parse-fields';
import {
  MAX_PROOF_BYTES,
  PROOF_FORMAT,
  PROOF_VERSION,
  ProofError,
  type AnswerKind,
  type AnswerProof,
  type ProofBody,
  type ProofBundle,
} from './types';

const KINDS: readonly (AnswerKind | 'fine-tuning')[] = ['chat', 'image', 'transcript', 'fine-tuning'];
const SOURCES = ['contract', 'additional-info'] as const;
// A signed text is a short hash pair or a small routing proof.
const MAX_SIGNED_TEXT = 65536;
const SIGNATURE = /^(?:0x)?[0-9a-fA-F]{130}$/;

function proofBody(v: unknown, path: string): ProofBody {
  const o = obj(v, path);
  const out: ProofBody = { sha256: sha(o.sha256, `${path}.sha256`) };
  if (o.bytes === undefined) return out;
  if (typeof o.bytes !== 'string') return fail(`${path}.bytes`, 'base64 text');
  if (o.bytes.length > (MAX_PROOF_BYTES / 3) * 4 + 4)
    throw new ProofError(`The bundle's ${path} is larger than 50 MB.`);
  if (!fromBase64(o.bytes)) fail(`${path}.bytes`, 'standard base64');
  out.bytes = o.bytes;
  return out;
}

function service(v: unknown): AnswerProof['service'] {
  const o = obj(v, 'service');
  return {
    provider: address(o.provider, 'service.provider'),
    serviceType: text(o.serviceType, 'service.serviceType'),
    model: text(o.model, 'service.model'),
    url: text(o.url, 'service.url'),
    verifiability: text(o.verifiability, 'service.verifiability'),
    teeSigner: address(o.teeSigner, 'service.teeSigner'),
    signerSource: o.signerSource === null ? null : oneOf(o.signerSource, SOURCES, 'service.signerSource'),
    readAt: time(o.readAt, 'service.readAt'),
  };
}

function signed(v: unknown): AnswerProof['signed'] {
  if (v === null) return null;
  const o = obj(v, 'signed');
  const signature = o.signature;
  if (typeof signature !== 'string' || !SIGNATURE.test(signature))
    fail('signed.signature', 'a 65-byte signature in hex');
  return { text: text(o.text, 'signed.text', MAX_SIGNED_TEXT), signature: signature as string };
}

/** Reads a bundle strictly; throws ProofError with one plain sentence for anything malformed. */
export function parseProof(input: string): ProofBundle {
  if (input.length > MAX_PROOF_BYTES) throw new ProofError('The proof is larger than 50 MB, the most this app reads.');
  let json: unknown;
  try {
    json = JSON.parse(input);
  } catch {
    throw new ProofError('This is not a proof bundle: it is not valid JSON.');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new ProofError('This is not a proof bundle: it is JSON but not an object.');
  const o = json as Obj;
  if (o.format !== PROOF_FORMAT)
    throw new ProofError(
      o.format === '0g-compute-media-proof'
        ? `This is an older media proof (format 0g-compute-media-proof); this app checks ${PROOF_FORMAT} bundles, version ${PROOF_VERSION}. Check it by hand with its README.txt.`
        : `This is not a 0G Compute proof bundle: its format is not "${PROOF_FORMAT}".`,
    );
  if (o.version !== PROOF_VERSION)
    throw new ProofError(
      `This bundle is ${typeof o.version === 'number' ? `version ${o.version}` : 'of no known version'}; this app reads version ${PROOF_VERSION} only.`,
    );
  const kind = oneOf(o.kind, KINDS, 'kind');
  if (kind === 'fine-tuning') return parseDeliverable(o);
  return answer(o, kind);
}

function answer(o: Obj, kind: AnswerKind): AnswerProof {
  const chatId = o.chatId === null ? null : text(o.chatId, 'chatId', 512);
  const bundle: AnswerProof = {
    format: PROOF_FORMAT,
    version: PROOF_VERSION,
    kind,
    createdAt: time(o.createdAt, 'createdAt'),
    network: network(o.network),
    service: service(o.service),
    chatId,
    signed: signed(o.signed),
    request: proofBody(o.request, 'request'),
    response: proofBody(o.response, 'response'),
    verdict: verdict(o.verdict),
  };
  if (o.media !== undefined) bundle.media = media(o.media);
  return bundle;
}
