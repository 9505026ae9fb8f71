import { fromBase64Url, toBase64Url } from './base64';
import { parseProof } from './parse';
import { ProofError, type ProofBundle } from './types';

/** The longest share fragment this app makes or reads: longer links break in chat apps and mail. */
export const MAX_FRAGMENT_CHARS = 8000;

/** The bundle without the exact bytes: only their hashes. */
export function hashesOnly(b: ProofBundle): ProofBundle {
  // A delivery bundle holds hashes only already: its model file is beside it in a zip, never inside.
  if (b.kind === 'fine-tuning') return b;
  return { ...b, request: { sha256: b.request.sha256 }, response: { sha256: b.response.sha256 } };
}

/** '#p=' + base64url of the hashes-only bundle's JSON, or null when that is longer than MAX_FRAGMENT_CHARS. */
export function shareFragment(b: ProofBundle): string | null {
  // Compact JSON: the fragment is for machines, and every character counts against the limit.
  const fragment = `#p=${toBase64Url(JSON.stringify(hashesOnly(b)))}`;
  return fragment.length > MAX_FRAGMENT_CHARS ? null : fragment;
}

/** The bundle in a '#p=…' fragment (the leading '#' optional); throws ProofError. */
export function bundleFromFragment(hash: string): ProofBundle {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!fragment.startsWith('p=')) throw new ProofError('The link holds no proof (it has no #p= part).');
  if (fragment.length > MAX_FRAGMENT_CHARS)
    throw new ProofError(
      `The proof in the link is longer than ${MAX_FRAGMENT_CHARS} characters, more than a link carries.`,
    );
  const json = fromBase64Url(fragment.slice(2));
  if (json === null) throw new ProofError('The proof in the link is damaged: it is not valid base64url text.');
  return parseProof(json);
}
