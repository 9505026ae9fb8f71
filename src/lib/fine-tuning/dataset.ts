import { checkRecord, kindOf, stringChars, type DatasetSchema } from './dataset-schema';

export { ANY_OBJECT_SCHEMA, describeSchema, schemaFromExample } from './dataset-schema';
export type { DatasetSchema, JsonKind, KeySchema, ValueSchema } from './dataset-schema';

/** The largest dataset the app accepts: the SDK's upload limit, which the devnet provider shares. */
export const MAX_DATASET_BYTES = 100 * 1024 * 1024;
/** A longer line is almost surely not JSONL (a JSON array file, say); it is reported, never buffered whole. */
export const MAX_LINE_BYTES = 8 * 1024 * 1024;
const MAX_ERRORS = 20;
const FIRST_ROWS = 5;
const SLICE_BYTES = 1024 * 1024;
const NL = 0x0a;

/** A problem with one line (numbered from 1), or with the file as a whole when `line` is 0. */
export interface DatasetError {
  line: number;
  message: string;
}

export interface DatasetReport {
  /** At least one record and no error. */
  ok: boolean;
  /** Lines that are valid records. */
  records: number;
  bytes: number;
  /** About one token per 4 characters of string content in the valid records, rounded up. */
  estimatedTokens: number;
  /** The first JSON objects of the file, valid or not, for a preview. */
  firstRows: Record<string, unknown>[];
  /** The first problems, at most 20; `errorCount` counts them all. */
  errors: DatasetError[];
  errorCount: number;
}

export interface DatasetProgress {
  bytes: number;
  records: number;
}

export interface ValidateOptions {
  /** Defaults to MAX_DATASET_BYTES. */
  maxBytes?: number;
  /** The source's size when known (a File's), so an oversized file is refused before any reading. */
  totalBytes?: number;
}

// Rounded up, so a size over a limit never prints as the limit itself.
const mb = (bytes: number) => `${Math.ceil((bytes / 1024 / 1024) * 10) / 10} MB`;

/** "Line 3: missing the field "output"", or the bare sentence for a problem with the whole file. */
export function datasetErrorText(e: DatasetError): string {
  return e.line > 0 ? `Line ${e.line}: ${e.message}` : e.message;
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

class Validator {
  readonly report: DatasetReport = {
    ok: false,
    records: 0,
    bytes: 0,
    estimatedTokens: 0,
    firstRows: [],
    errors: [],
    errorCount: 0,
  };
  private line = 1;
  private chars = 0;
  // The bytes of the unfinished last line, kept as pieces so a long line is copied once, not per chunk.
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private overlong = false;
  // ignoreBOM keeps a BOM in the text, so only the file's first line loses one; fatal makes bad UTF-8 an error.
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

  constructor(private readonly schema: DatasetSchema) {}

  error(line: number, message: string): void {
    this.report.errorCount++;
    if (this.report.errors.length < MAX_ERRORS) this.report.errors.push({ line, message });
  }

  feed(chunk: Uint8Array): void {
    this.report.bytes += chunk.length;
    const last = chunk.lastIndexOf(NL);
    if (last < 0) return this.keep(chunk);
    let from = 0;
    if (this.overlong) {
      from = chunk.indexOf(NL) + 1;
      this.endOverlong();
    } else if (this.pending.length > 0) {
      from = chunk.indexOf(NL) + 1;
      this.keep(chunk.subarray(0, from - 1));
      // keep() may have found the line too long just now.
      if (this.overlong) this.endOverlong();
      else this.block(this.takePending());
    }
    if (from <= last) this.block(chunk.subarray(from, last));
    this.keep(chunk.subarray(last + 1));
  }

  finish(): DatasetReport {
    if (this.overlong) this.endOverlong();
    else if (this.pending.length > 0) this.block(this.takePending());
    const r = this.report;
    if (r.bytes === 0) this.error(0, 'The file is empty: choose a JSONL file with one JSON object per line.');
    else if (r.records === 0 && r.errorCount === 0) this.error(0, 'The file has no records: every line is blank.');
    r.estimatedTokens = Math.ceil(this.chars / 4);
    r.ok = r.records > 0 && r.errorCount === 0;
    return r;
  }

  private keep(bytes: Uint8Array): void {
    if (bytes.length === 0 || this.overlong) return;
    if (this.pendingBytes + bytes.length > MAX_LINE_BYTES) {
      this.overlong = true;
      this.pending = [];
      this.pendingBytes = 0;
      return;
    }
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
  }

  private takePending(): Uint8Array {
    const bytes = concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    return bytes;
  }

  private endOverlong(): void {
    this.overlong = false;
    this.error(this.line++, `is longer than ${mb(MAX_LINE_BYTES)}: is the file JSONL, one record per line?`);
  }

  /** Whole lines: `bytes` ends where a line ends (the newline itself excluded). */
  private block(bytes: Uint8Array): void {
    let text: string;
    try {
      text = this.decoder.decode(bytes);
    } catch {
      return this.lineByLine(bytes);
    }
    for (const line of text.split('\n')) this.text(line);
  }

  // Only after the whole block failed to decode: find which lines hold the bad bytes.
  private lineByLine(bytes: Uint8Array): void {
    let start = 0;
    while (start <= bytes.length) {
      const nl = bytes.indexOf(NL, start);
      const end = nl < 0 ? bytes.length : nl;
      try {
        this.text(this.decoder.decode(bytes.subarray(start, end)));
      } catch {
        this.error(this.line++, 'is not valid UTF-8 text: save the file with UTF-8 encoding.');
      }
      start = end + 1;
    }
  }

  private text(raw: string): void {
    const n = this.line++;
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (n === 1 && line.startsWith('\uFEFF')) line = line.slice(1);
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      const detail = e instanceof Error ? e.message.slice(0, 120) : '';
      return this.error(n, `is not valid JSON${detail ? ` (${detail})` : ''}`);
    }
    if (kindOf(value) === 'object' && this.report.firstRows.length < FIRST_ROWS) {
      this.report.firstRows.push(value as Record<string, unknown>);
    }
    const problem = checkRecord(value, this.schema);
    if (problem) return this.error(n, problem);
    this.report.records++;
    this.chars += stringChars(value);
  }
}

function* slices(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) yield bytes.subarray(at, at + SLICE_BYTES);
}

/**
 * Checks a JSONL dataset as it streams: every non-empty line a JSON object with the schema's fields.
 * Lines may split across chunks; CRLF, a leading BOM and bad UTF-8 (reported per line) are handled.
 */
export async function validateDataset(
  chunks: AsyncIterable<Uint8Array> | Uint8Array,
  schema: DatasetSchema,
  onProgress?: (progress: DatasetProgress) => void,
  options: ValidateOptions = {},
): Promise<DatasetReport> {
  const max = options.maxBytes ?? MAX_DATASET_BYTES;
  const v = new Validator(schema);
  // A stream's size is known only once it passed the limit: then the sentence says "over".
  const tooLarge = (bytes: number, exact: boolean) => {
    v.report.bytes = bytes;
    const size = exact ? `The file is ${mb(bytes)}` : `The file is over ${mb(max)}`;
    v.error(0, `${size}: the limit is ${mb(max)}. Split it or remove records.`);
    return v.report;
  };
  const known = chunks instanceof Uint8Array ? chunks.length : options.totalBytes;
  if (known !== undefined && known > max) return tooLarge(known, true);
  for await (const chunk of chunks instanceof Uint8Array ? [chunks] : chunks) {
    // Stop reading at the limit: leaving the loop cancels the stream behind the iterator.
    if (v.report.bytes + chunk.length > max) return tooLarge(v.report.bytes + chunk.length, false);
    // Slices of at most 1 MB, so any longer line is buffered piece by piece and meets MAX_LINE_BYTES
    // however the source cut it.
    for (const piece of slices(chunk)) {
      v.feed(piece);
      onProgress?.({ bytes: v.report.bytes, records: v.report.records });
    }
  }
  return v.finish();
}
