import { isAddress, type Address } from 'viem';
import type { BadgeState } from '../verify/response';
import { fromBase64 } from './base64';
import {
  MAX_PROOF_BYTES,
  PROOF_FORMAT,
  PROOF_VERSION,
  ProofError,
  type MediaRole,
  type ProofBody,
  type ProofBundle,
  type ProofKind,
  type ProofMedia,
} from './types';

const KINDS: readonly ProofKind[] = ['chat', 'image', 'transcript'];
const ROLES: readonly MediaRole[] = ['picture', 'audio', 'transcript'];
const STATES: readonly BadgeState[] = [
  'verifying',
  'verified',
  'content-mismatch',
  'failed',
  'not-verifiable',
  'unavailable',
];
const SOURCES = ['contract', 'additional-info'] as const;
// Provider strings are shown whole; a cap keeps a hostile one from filling the page.
const MAX_TEXT = 8192;
// A signed text is a short hash pair or a small routing proof.
const MAX_SIGNED_TEXT = 65536;
const SHA256 = /^[0-9a-f]{64}$/;
const SIGNATURE = /^(?:0x)?[0-9a-fA-F]{130}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;
// The names the zip uses for itself, and anything that could climb out of a folder or hide in a listing.
const RESERVED = new Set(['proof.json', 'readme.txt']);

type Obj = Record<string, unknown>;

const fail = (path: string, what: string): never => {
  throw new ProofError(`The bundle's ${path} is missing or is not ${what}.`);
};

function obj(v: unknown, path: string): Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : fail(path, 'an object');
}

function text(v: unknown, path: string, max = MAX_TEXT): string {
  if (typeof v !== 'string') return fail(path, 'text');
  if (v.length > max) throw new ProofError(`The bundle's ${path} is longer than ${max} characters.`);
  return v;
}

function oneOf<T extends string>(v: unknown, all: readonly T[], path: string): T {
  return typeof v === 'string' && (all as readonly string[]).includes(v) ? (v as T) : fail(path, all.join(', '));
}

function address(v: unknown, path: string): Address {
  // Strict: a mixed-case address must carry a valid checksum, so a mistyped one is not read as another.
  return typeof v === 'string' && isAddress(v, { strict: true }) ? v : fail(path, 'an address (0x and 40 hex digits)');
}

function time(v: unknown, path: string): string {
  return typeof v === 'string' && ISO.test(v) && Number.isFinite(Date.parse(v))
    ? v
    : fail(path, 'an ISO time (2025-01-31T12:00:00.000Z)');
}

const sha = (v: unknown, path: string): string =>
  typeof v === 'string' && SHA256.test(v) ? v : fail(path, 'a sha256 (64 lowercase hex digits)');

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

function network(v: unknown): ProofBundle['network'] {
  const o = obj(v, 'network');
  const c = obj(o.contracts, 'network.contracts');
  const chainId = o.chainId;
  if (typeof chainId !== 'number' || !Number.isSafeInteger(chainId) || chainId <= 0)
    fail('network.chainId', 'a positive whole number');
  return {
    chainId: chainId as number,
    name: text(o.name, 'network.name'),
    contracts: {
      ledger: address(c.ledger, 'network.contracts.ledger'),
      inference: address(c.inference, 'network.contracts.inference'),
      fineTuning: address(c.fineTuning, 'network.contracts.fineTuning'),
    },
  };
}

function service(v: unknown): ProofBundle['service'] {
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

function signed(v: unknown): ProofBundle['signed'] {
  if (v === null) return null;
  const o = obj(v, 'signed');
  const signature = o.signature;
  if (typeof signature !== 'string' || !SIGNATURE.test(signature))
    fail('signed.signature', 'a 65-byte signature in hex');
  return { text: text(o.text, 'signed.text', MAX_SIGNED_TEXT), signature: signature as string };
}

function media(v: unknown): ProofMedia {
  const o = obj(v, 'media');
  const file = text(o.file, 'media.file', 200);
  if (
    file === '' ||
    /[/\\\p{Cc}\p{Cf}\u2028\u2029]/u.test(file) ||
    file.startsWith('.') ||
    RESERVED.has(file.toLowerCase())
  )
    fail('media.file', 'a plain file name');
  const type = text(o.type, 'media.type', 200);
  if (!MIME.test(type)) fail('media.type', 'a MIME type');
  return { file, type, sha256: sha(o.sha256, 'media.sha256'), role: oneOf(o.role, ROLES, 'media.role') };
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
  const verdict = obj(o.verdict, 'verdict');
  const chatId = o.chatId === null ? null : text(o.chatId, 'chatId', 512);
  const bundle: ProofBundle = {
    format: PROOF_FORMAT,
    version: PROOF_VERSION,
    kind: oneOf(o.kind, KINDS, 'kind'),
    createdAt: time(o.createdAt, 'createdAt'),
    network: network(o.network),
    service: service(o.service),
    chatId,
    signed: signed(o.signed),
    request: proofBody(o.request, 'request'),
    response: proofBody(o.response, 'response'),
    verdict: {
      state: oneOf(verdict.state, STATES, 'verdict.state'),
      reason: text(verdict.reason, 'verdict.reason'),
      checkedAt: time(verdict.checkedAt, 'verdict.checkedAt'),
    },
  };
  if (o.media !== undefined) bundle.media = media(o.media);
  return bundle;
}
