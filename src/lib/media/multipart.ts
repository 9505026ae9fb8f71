/** A text field or a file field of a multipart/form-data body. */
export type MultipartPart =
  { name: string; value: string } | { name: string; filename: string; contentType: string; data: Uint8Array };

export interface MultipartBody {
  /** Exactly the bytes to send (and to hash). */
  bytes: Uint8Array<ArrayBuffer>;
  /** The Content-Type header to send with them. */
  contentType: string;
  boundary: string;
}

const BOUNDARY_PREFIX = '----0gMarketplace';
// RFC 2046 bcharsnospace: a boundary from this set needs no quoting in the Content-Type header.
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=?]{1,70}$/;
// A media type: no CR, LF or other control characters that could start a header of their own.
const CONTENT_TYPE = /^[\x20-\x7e]{1,200}$/;
const utf8 = new TextEncoder();

/** A fresh boundary: the prefix and 24 random hex digits (96 bits). */
export function randomBoundary(): string {
  const random = crypto.getRandomValues(new Uint8Array(12));
  return BOUNDARY_PREFIX + Array.from(random, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A field name or file name as the HTML multipart/form-data encoding quotes it: `"`, CR and LF
 * become %22, %0D and %0A, and everything else is written as UTF-8. Names also have their line
 * breaks made CRLF first, as the HTML spec does; file names do not.
 */
function quote(value: string, normaliseBreaks: boolean): string {
  const text = normaliseBreaks ? value.replace(/\r\n|\r|\n/g, '\r\n') : value;
  return `"${text.replace(/["\r\n]/g, (c) => (c === '"' ? '%22' : c === '\r' ? '%0D' : '%0A'))}"`;
}

/** Whether `needle` occurs in `hay`: a first-byte scan, so a long audio file costs one pass. */
function contains(hay: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  if (first === undefined) return true;
  for (let at = hay.indexOf(first); at !== -1 && at + needle.length <= hay.length; at = hay.indexOf(first, at + 1)) {
    let i = 1;
    while (i < needle.length && hay[at + i] === needle[i]) i++;
    if (i === needle.length) return true;
  }
  return false;
}

/** The header and content bytes of each part, boundary aside. */
function encodeParts(parts: readonly MultipartPart[]): { head: Uint8Array; content: Uint8Array }[] {
  return parts.map((part) => {
    let head = `Content-Disposition: form-data; name=${quote(part.name, true)}`;
    if (!('data' in part)) return { head: utf8.encode(`${head}\r\n\r\n`), content: utf8.encode(part.value) };
    if (!CONTENT_TYPE.test(part.contentType))
      throw new Error(`The content type of the file field "${part.name}" is not a valid header value.`);
    head += `; filename=${quote(part.filename, false)}\r\nContent-Type: ${part.contentType}\r\n\r\n`;
    return { head: utf8.encode(head), content: part.data };
  });
}

/**
 * A multipart/form-data body built as bytes, so that what is hashed is exactly what is sent
 * (a `FormData` would be serialised by the browser, out of reach). Fields keep their order; text
 * values are UTF-8 as given, line breaks included, as an SDK would send them. The boundary is
 * random unless given, and never occurs inside a part: a random one is drawn again, a given one
 * throws.
 */
export function buildMultipart(parts: readonly MultipartPart[], boundary?: string): MultipartBody {
  const encoded = encodeParts(parts);
  const collides = (b: string) => {
    const bytes = utf8.encode(b);
    return encoded.some((p) => contains(p.head, bytes) || contains(p.content, bytes));
  };
  let chosen = boundary;
  if (chosen === undefined) {
    // 96 random bits: a second draw is already vanishingly unlikely; the limit only stops a broken RNG.
    for (let tries = 0; tries < 8 && (chosen === undefined || collides(chosen)); tries++) chosen = randomBoundary();
    if (chosen === undefined || collides(chosen))
      throw new Error('Could not find a multipart boundary absent from the data.');
  } else {
    if (!BOUNDARY.test(chosen)) throw new Error("A multipart boundary is 1 to 70 letters, digits or '()+_,-./:=?.");
    if (collides(chosen)) throw new Error('The multipart boundary occurs inside one of the parts.');
  }

  const delimiter = utf8.encode(`--${chosen}\r\n`);
  const crlf = utf8.encode('\r\n');
  const close = utf8.encode(`--${chosen}--\r\n`);
  const length = encoded.reduce((n, p) => n + delimiter.length + p.head.length + p.content.length + crlf.length, 0);
  const bytes = new Uint8Array(length + close.length);
  let at = 0;
  const put = (b: Uint8Array) => {
    bytes.set(b, at);
    at += b.length;
  };
  for (const p of encoded) {
    put(delimiter);
    put(p.head);
    put(p.content);
    put(crlf);
  }
  put(close);
  return { bytes, contentType: `multipart/form-data; boundary=${chosen}`, boundary: chosen };
}
