import { isAddress, type Address } from 'viem';
import { VERIFICATION_STATES } from '../chat/types';
import type { BadgeState } from '../verify/response';
import { ProofError, type MediaRole, type ProofMedia, type ProofNetwork } from './types';

// Shared field readers of the bundle parsers: each throws ProofError with one plain sentence.

export const STATES: readonly BadgeState[] = VERIFICATION_STATES;
// Provider strings are shown whole; a cap keeps a hostile one from filling the page.
export const MAX_TEXT = 8192;
const SHA256 = /^[0-9a-f]{64}$/;
const ROLES: readonly MediaRole[] = ['picture', 'audio', 'transcript', 'model'];
const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;
// The names the zip uses for itself, and anything that could climb out of a folder or hide in a listing.
const RESERVED = new Set(['proof.json', 'readme.txt']);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

export type Obj = Record<string, unknown>;

export const fail = (path: string, what: string): never => {
  throw new ProofError(`The bundle's ${path} is missing or is not ${what}.`);
};

export function obj(v: unknown, path: string): Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : fail(path, 'an object');
}

export function text(v: unknown, path: string, max = MAX_TEXT): string {
  if (typeof v !== 'string') return fail(path, 'text');
  if (v.length > max) throw new ProofError(`The bundle's ${path} is longer than ${max} characters.`);
  return v;
}

export function oneOf<T extends string>(v: unknown, all: readonly T[], path: string): T {
  return typeof v === 'string' && (all as readonly string[]).includes(v) ? (v as T) : fail(path, all.join(', '));
}

export function address(v: unknown, path: string): Address {
  // Strict: a mixed-case address must carry a valid checksum, so a mistyped one is not read as another.
  return typeof v === 'string' && isAddress(v, { strict: true }) ? v : fail(path, 'an address (0x and 40 hex digits)');
}

export function time(v: unknown, path: string): string {
  return typeof v === 'string' && ISO.test(v) && Number.isFinite(Date.parse(v))
    ? v
    : fail(path, 'an ISO time (2025-01-31T12:00:00.000Z)');
}

export const sha = (v: unknown, path: string): string =>
  typeof v === 'string' && SHA256.test(v) ? v : fail(path, 'a sha256 (64 lowercase hex digits)');

export function network(v: unknown): ProofNetwork {
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

export function media(v: unknown): ProofMedia {
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

/** The app's verdict when it made the bundle: its claim, shown as such. */
export function verdict(v: unknown): { state: BadgeState; reason: string; checkedAt: string } {
  const o = obj(v, 'verdict');
  return {
    state: oneOf(o.state, STATES, 'verdict.state'),
    reason: text(o.reason, 'verdict.reason'),
    checkedAt: time(o.checkedAt, 'verdict.checkedAt'),
  };
}
