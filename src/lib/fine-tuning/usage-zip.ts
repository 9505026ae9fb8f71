import { crc32 } from '../zip';

/** One file read from a ZIP archive. */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

const MB = 1024 * 1024;
const MAX_ENTRIES = 200;
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const utf8 = new TextDecoder();

/** Inflates raw deflate data, stopping as soon as it outgrows `limit` (a zip bomb stops early). */
async function inflate(data: Uint8Array<ArrayBuffer>, limit: number, name: string): Promise<Uint8Array> {
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      size += r.value.length;
      if (size > limit) {
        void reader.cancel();
        throw new Error(`The file ${name} in the archive is larger than it says.`);
      }
      chunks.push(r.value);
    }
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('The file')) throw e;
    throw new Error(`The file ${name} in the archive is damaged.`, { cause: e });
  }
  const out = new Uint8Array(size);
  chunks.reduce((at, c) => (out.set(c, at), at + c.length), 0);
  return out;
}

function checkName(name: string): void {
  const parts = name.split(/[/\\]/);
  if (name === '' || /^([/\\]|[A-Za-z]:)/.test(name) || parts.includes('..') || /[\p{Cc}]/u.test(name))
    throw new Error(`The archive holds a file with an unsafe name (${JSON.stringify(name.slice(0, 80))}).`);
}

/**
 * The files of a ZIP archive from an untrusted provider, read through its central directory.
 * Stored and deflated entries only; refuses encryption, ZIP64, entries over `maxEntryBytes` (20 MB unless
 * told), more than `maxTotalBytes` in all (100 MB), more than 200 entries, and names that climb out of a
 * folder or are absolute. Folders are skipped.
 */
export async function readZip(
  bytes: Uint8Array,
  { maxEntryBytes = 20 * MB, maxTotalBytes = 100 * MB }: { maxEntryBytes?: number; maxTotalBytes?: number } = {},
): Promise<ZipEntry[]> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bad = (why: string) => new Error(`The usage package is not a readable ZIP archive: ${why}.`);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw bad('no end of central directory');
  const count = view.getUint16(end + 10, true);
  if (count > MAX_ENTRIES) throw new Error(`The usage package holds ${count} files; at most ${MAX_ENTRIES} are read.`);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw bad('a damaged central directory');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const packed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const offset = view.getUint32(at + 42, true);
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + skip;
    checkName(name);
    if (name.endsWith('/')) continue;
    if (flags & 1) throw new Error(`The file ${name} in the archive is encrypted.`);
    if (size > maxEntryBytes || packed > maxEntryBytes)
      throw new Error(`The file ${name} in the archive is larger than ${Math.floor(maxEntryBytes / MB)} MB.`);
    total += size;
    if (total > maxTotalBytes)
      throw new Error(`The archive's files come to more than ${Math.floor(maxTotalBytes / MB)} MB in all.`);
    if (method !== 0 && method !== 8)
      throw new Error(`The file ${name} in the archive uses an unsupported compression.`);
    if (offset + 30 > bytes.length || view.getUint32(offset, true) !== LOCAL) throw bad(`no local header for ${name}`);
    const start = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
    if (start + packed > bytes.length) throw bad(`${name} is cut short`);
    const raw = new Uint8Array(bytes.subarray(start, start + packed));
    const data = method === 0 ? raw : await inflate(raw, size, name);
    if (data.length !== size || crc32(data) !== crc) throw new Error(`The file ${name} in the archive is damaged.`);
    entries.push({ name, data });
  }
  return entries;
}

/** What a model's usage package offers the wizard, picked by file name. */
export interface UsagePackage {
  readme?: string;
  exampleDataset?: { name: string; text: string };
  exampleParams?: { name: string; text: string };
  files: string[];
}

const base = (name: string) => name.slice(name.lastIndexOf('/') + 1);

/** Reads a usage package: README*.md, the example dataset (*.jsonl or dataset*.json) and *param*.json. */
export async function usagePackage(bytes: Uint8Array): Promise<UsagePackage> {
  const entries = (await readZip(bytes)).filter((e) => !e.name.startsWith('__MACOSX/'));
  const find = (test: RegExp, except?: ZipEntry) => entries.find((e) => e !== except && test.test(base(e.name)));
  const text = (e: ZipEntry) => ({ name: e.name, text: utf8.decode(e.data) });
  const readme = find(/^readme.*\.md$/i);
  const params = find(/param.*\.json$/i);
  const dataset = find(/\.jsonl$/i, params) ?? find(/^dataset.*\.json$/i, params);
  return {
    ...(readme ? { readme: utf8.decode(readme.data) } : {}),
    ...(dataset ? { exampleDataset: text(dataset) } : {}),
    ...(params ? { exampleParams: text(params) } : {}),
    files: entries.map((e) => e.name),
  };
}
