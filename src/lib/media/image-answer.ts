import { safeHref } from '../safe-url';
import { formatMegabytes } from './image-bytes';
import { ACCEPTED_IMAGES, sniffImage, type ImageMime } from './sniff';

export interface Refused {
  kind: 'refused';
  /** A plain sentence: shown as text, never as markup or a link. */
  reason: string;
}

/** One entry of an image answer, before anything is shown. */
export type ImageAnswerItem =
  { kind: 'bytes'; bytes: Uint8Array<ArrayBuffer> } | { kind: 'url'; url: string } | Refused;

/** A picture checked and ready to show from its own bytes. */
export interface ResolvedImage {
  bytes: Uint8Array<ArrayBuffer>;
  mime: ImageMime;
  /** 'url': fetched from a link; the signature then covers the link, not these bytes. */
  source: 'inline' | 'url';
  url?: string;
}

/** More entries than any image API returns for one request (OpenAI caps `n` at 10). */
export const MAX_PICTURES = 10;

/** The largest picture fetched from a link. */
export const MAX_LINKED_IMAGE_BYTES = 20 * 1024 * 1024;

const NOT_A_PICTURE = `The provider sent something that is not a ${ACCEPTED_IMAGES.label} picture.`;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_VALUE[B64.charCodeAt(i)] = i;

/**
 * Standard base64 (RFC 4648 §4) decoded strictly, or null: length a multiple of 4, `=` only as
 * the last one or two characters, no whitespace or URL-safe letters, and zero padding bits, so one
 * picture has exactly one text.
 */
export function decodeBase64Strict(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 4 !== 0) return null;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  // The 24 bits of four characters, the last `4 - chars` taken as zero; -1 outside the alphabet (`=` too).
  const quad = (i: number, chars: number) => {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const c = j < chars ? text.charCodeAt(i + j) : 65;
      const v = c < 128 ? B64_VALUE[c]! : -1;
      if (v < 0) return -1;
      n = (n << 6) | v;
    }
    return n;
  };
  const whole = text.length - (pad ? 4 : 0);
  let at = 0;
  for (let i = 0; i < whole; i += 4) {
    const n = quad(i, 4);
    if (n < 0) return null;
    out[at++] = n >> 16;
    out[at++] = (n >> 8) & 0xff;
    out[at++] = n & 0xff;
  }
  if (pad) {
    const n = quad(whole, 4 - pad);
    // The bits after the last byte must be zero, or two texts would decode to the same bytes.
    if (n < 0 || (n & (pad === 2 ? 0xffff : 0xff)) !== 0) return null;
    out[at] = n >> 16;
    if (pad === 1) out[at + 1] = (n >> 8) & 0xff;
  }
  return out;
}

const cut = (text: string, max = 100) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function itemOf(entry: unknown): ImageAnswerItem {
  const e = (typeof entry === 'object' && entry !== null ? entry : {}) as { b64_json?: unknown; url?: unknown };
  // The inline bytes come first: they are what the signature covers.
  if (e.b64_json !== undefined && e.b64_json !== null) {
    const bytes = typeof e.b64_json === 'string' ? decodeBase64Strict(e.b64_json) : null;
    return bytes
      ? { kind: 'bytes', bytes }
      : { kind: 'refused', reason: 'The provider sent a picture that is not valid base64, so it is not shown.' };
  }
  if (typeof e.url === 'string') return { kind: 'url', url: e.url };
  return { kind: 'refused', reason: 'The provider sent an entry with neither a picture nor a link.' };
}

/**
 * The entries of an images API answer (`{data: [{b64_json} | {url}]}`). Throws a sentence when
 * the answer is not that shape or holds no entry; a bad entry is refused on its own.
 */
export function parseImageAnswer(responseBytes: Uint8Array): ImageAnswerItem[] {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(responseBytes));
  } catch {
    throw new Error('The provider’s answer is not valid JSON, so no picture can be shown.');
  }
  const data = typeof json === 'object' && json !== null ? (json as { data?: unknown }).data : undefined;
  if (!Array.isArray(data)) throw new Error('The provider’s answer is not an image answer (it has no "data" list).');
  if (data.length === 0) throw new Error('The provider answered without any picture.');
  const items = data.slice(0, MAX_PICTURES).map(itemOf);
  if (data.length > MAX_PICTURES)
    items.push({
      kind: 'refused',
      reason: `The provider sent ${data.length} entries; only the first ${MAX_PICTURES} are shown.`,
    });
  return items;
}

/** Why a link is not fetched, naming its scheme (or host for plain http). */
function linkRefusal(raw: string, allowLocalHttp: boolean): string {
  const allowed = allowLocalHttp ? 'https links, and http links to this computer,' : 'https links';
  let url: URL | null = null;
  try {
    url = new URL(raw.trim());
  } catch {
    // not a URL at all
  }
  if (!url) return `The provider sent a link that is not a valid address ("${cut(raw)}"), so it is not opened.`;
  const scheme = cut(url.protocol, 20);
  const why =
    url.username || url.password
      ? 'a link with a user name or password'
      : url.protocol === 'http:'
        ? `a plain http: link to ${cut(url.hostname, 60)}`
        : `a ${scheme} link`;
  return `The provider sent ${why} instead of a picture ("${cut(raw)}"); only ${allowed} are opened.`;
}

async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(res.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const next = await reader.read();
    if (next.done) break;
    total += next.value.length;
    if (total > maxBytes) {
      void reader.cancel();
      return null;
    }
    parts.push(next.value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function checked(bytes: Uint8Array<ArrayBuffer>, source: 'inline' | 'url', url?: string): ResolvedImage | Refused {
  const mime = sniffImage(bytes);
  if (!mime) return { kind: 'refused', reason: NOT_A_PICTURE };
  return url === undefined ? { bytes, mime, source } : { bytes, mime, source, url };
}

/**
 * One entry made showable: inline bytes checked by their first bytes; a link fetched only when
 * safeHref allows it (no cookies, no redirects, no referrer, never navigated to), capped at
 * `maxBytes`, then checked likewise. Never throws.
 */
export async function resolveImage(
  item: ImageAnswerItem,
  options: { allowLocalHttp: boolean; fetch?: typeof fetch; maxBytes?: number; signal?: AbortSignal },
): Promise<ResolvedImage | Refused> {
  if (item.kind === 'refused') return item;
  if (item.kind === 'bytes') return checked(item.bytes, 'inline');
  const href = safeHref(item.url, { allowLocalHttp: options.allowLocalHttp });
  if (!href) return { kind: 'refused', reason: linkRefusal(item.url, options.allowLocalHttp) };
  const maxBytes = options.maxBytes ?? MAX_LINKED_IMAGE_BYTES;
  const get = options.fetch ?? fetch;
  const where = cut(href);
  try {
    const res = await get(href, {
      credentials: 'omit',
      redirect: 'error',
      referrerPolicy: 'no-referrer',
      signal: options.signal,
    });
    if (!res.ok) return { kind: 'refused', reason: `The picture link answered HTTP ${res.status} ("${where}").` };
    const bytes = await readCapped(res, maxBytes);
    if (!bytes)
      return {
        kind: 'refused',
        reason: `The picture at the link is larger than ${formatMegabytes(maxBytes)}, the most the app takes ("${where}").`,
      };
    return checked(bytes, 'url', href);
  } catch {
    return {
      kind: 'refused',
      reason: `The picture link could not be fetched ("${where}"). It may be down, redirect elsewhere, or not allow this site.`,
    };
  }
}
