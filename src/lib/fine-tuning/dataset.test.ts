import { describe, expect, it } from 'vitest';
import {
  MAX_DATASET_BYTES,
  MAX_LINE_BYTES,
  datasetErrorText,
  schemaFromExample,
  validateDataset,
  type DatasetReport,
} from './dataset';
import { streamChunks } from './dataset-worker';

// The devnet provider's example dataset (devnet/sim/fine-tuning-requests.ts, usagePackage).
const EXAMPLE = [
  '{"instruction":"Summarise: 0G is a modular AI chain.","input":"","output":"0G is an AI-focused blockchain."}',
  '{"instruction":"Reply politely.","input":"Thanks!","output":"You are welcome."}',
  '',
].join('\n');
const schema = schemaFromExample(EXAMPLE);
const chat = schemaFromExample('{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}]}');

const enc = (s: string) => new TextEncoder().encode(s);
const row = (i: number) => JSON.stringify({ instruction: `Say ${i}.`, input: 'ü', output: `${i} ✓` });

async function* chunked(bytes: Uint8Array, ...cuts: number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    yield bytes.slice(at, cut);
    at = cut;
  }
}

async function* everyByte(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i++) yield bytes.slice(i, i + 1);
}

describe('validateDataset', () => {
  it('counts the records, bytes and tokens of a valid file and keeps the first five rows', async () => {
    const text = Array.from({ length: 7 }, (_, i) => row(i)).join('\n') + '\n';
    const r = await validateDataset(enc(text), schema);
    expect(r).toMatchObject({ ok: true, records: 7, bytes: enc(text).length, errors: [], errorCount: 0 });
    // Per record: "Say i." (6) + "ü" (1) + "i ✓" (3) = 10 characters; 70 / 4 rounds up to 18.
    expect(r.estimatedTokens).toBe(18);
    expect(r.firstRows).toHaveLength(5);
    expect(r.firstRows[4]).toEqual({ instruction: 'Say 4.', input: 'ü', output: '4 ✓' });
  });

  it('gives the same report however the bytes are cut, multi-byte characters included', async () => {
    const bytes = enc(`${row(1)}\r\n\n${row(2)}\n{"instruction":"é","input":"","output":1}\n${row(3)}`);
    const whole = await validateDataset(bytes, schema);
    expect(whole).toMatchObject({ records: 3, errorCount: 1, errors: [{ line: 4 }] });
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(await validateDataset(chunked(bytes, cut), schema)).toEqual(whole);
    }
    expect(await validateDataset(everyByte(bytes), schema)).toEqual(whole);
  });

  it('reads CRLF lines and a leading BOM, but a BOM further on is an error', async () => {
    const crlf = await validateDataset(enc(`\uFEFF${row(1)}\r\n${row(2)}\r\n`), schema);
    expect(crlf).toMatchObject({ ok: true, records: 2 });
    const late = await validateDataset(enc(`${row(1)}\n\uFEFF${row(2)}\n`), schema);
    expect(late.errors).toEqual([{ line: 2, message: expect.stringMatching(/^is not valid JSON/) }]);
  });

  it('names the line with invalid UTF-8 and still checks the others', async () => {
    const bad = new Uint8Array([
      ...enc(`${row(1)}\n{"instruction":"`),
      0xff,
      0xfe,
      ...enc(`","input":"","output":""}\n${row(3)}\n`),
    ]);
    const r = await validateDataset(bad, schema);
    expect(r).toMatchObject({ records: 2, errorCount: 1, ok: false });
    expect(r.errors[0]).toEqual({ line: 2, message: 'is not valid UTF-8 text: save the file with UTF-8 encoding.' });
    expect(await validateDataset(everyByte(bad), schema)).toEqual(r);
  });

  it('words each kind of problem with its line number, blank lines counted', async () => {
    const lines = [
      row(1),
      '',
      '{"instruction": "x", "input": ""',
      '["not", "an", "object"]',
      '{"instruction":"x","input":""}',
      '{"instruction":"x","input":"","output":3}',
    ];
    const r = await validateDataset(enc(lines.join('\n')), schema);
    expect(r.errors.map(datasetErrorText)).toEqual([
      expect.stringMatching(/^Line 3: is not valid JSON \(.+\)$/),
      'Line 4: must be a JSON object, not a list',
      'Line 5: missing the field "output"',
      'Line 6: "output" must be a string, not a number',
    ]);
    expect(r).toMatchObject({ records: 1, errorCount: 4, ok: false });
    // Rows that are objects preview even when they fail the schema.
    expect(r.firstRows).toHaveLength(3);
  });

  it('checks chat records down to each message', async () => {
    const lines = [
      '{"messages":[{"role":"user","content":"Hi"}]}',
      '{"messages":[]}',
      '{"messages":[{"role":"user","content":"Hi"},{"role":"assistant"}]}',
      '{"messages":[{"role":"user","content":["Hi"]}]}',
      '{"messages":"Hi"}',
    ];
    const r = await validateDataset(enc(lines.join('\n')), chat);
    expect(r.errors.map(datasetErrorText)).toEqual([
      'Line 2: "messages" must not be empty',
      'Line 3: missing the field "messages[1].content"',
      'Line 4: "messages[0].content" must be a string, not a list',
      'Line 5: "messages" must be a list, not a string',
    ]);
    expect(r.records).toBe(1);
  });

  it('keeps the first 20 errors and counts them all', async () => {
    const r = await validateDataset(enc('{}\n'.repeat(30)), schema);
    expect(r.errors).toHaveLength(20);
    expect(r.errors[19]?.line).toBe(20);
    expect(r.errorCount).toBe(30);
  });

  it('calls an empty file and a file of blank lines errors', async () => {
    const empty = await validateDataset(new Uint8Array(0), schema);
    expect(empty).toMatchObject({
      ok: false,
      bytes: 0,
      errors: [{ line: 0, message: expect.stringMatching(/empty/) }],
    });
    const blank = await validateDataset(enc('\n  \r\n\n'), schema);
    expect(blank.errors).toEqual([{ line: 0, message: 'The file has no records: every line is blank.' }]);
  });

  const unread = {
    [Symbol.asyncIterator]: () => {
      throw new Error('read although the size was known');
    },
  } as AsyncIterable<Uint8Array>;

  it('refuses a file over the limit, saying the limit, and stops reading a stream there', async () => {
    expect(MAX_DATASET_BYTES).toBe(100 * 1024 * 1024);
    const big = await validateDataset(new Uint8Array(MAX_DATASET_BYTES + 1), schema);
    expect(big.errors).toEqual([
      { line: 0, message: expect.stringMatching(/^The file is 100.1 MB: the limit is 100 MB\./) },
    ]);
    // A stream with a known size (a File's) is refused before it is read.
    const sized = await validateDataset(unread, schema, undefined, { totalBytes: 150 * 1024 * 1024 });
    expect(sized.errors[0]?.message).toMatch(/^The file is 150 MB: the limit is 100 MB/);
    let read = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) {
        read++;
        yield enc(`${row(read)}\n`);
      }
    }
    const r = await validateDataset(endless(), schema, undefined, { maxBytes: 10 * enc(`${row(1)}\n`).length });
    expect(r.ok).toBe(false);
    expect(r.errors.at(-1)?.message).toMatch(/^The file is over 0.1 MB: the limit is 0.1 MB\./);
    expect(read).toBeLessThan(20);
  });

  it('reports a line too long for JSONL without buffering it, and reads on after it', async () => {
    const long = new Uint8Array(MAX_LINE_BYTES + 10).fill(0x61);
    const parts = [long.subarray(0, 3_000_000), long.subarray(3_000_000), enc(`\n${row(2)}\n`)];
    async function* source(): AsyncGenerator<Uint8Array> {
      yield* parts;
    }
    const r = await validateDataset(source(), schema);
    expect(r.errors).toEqual([{ line: 1, message: expect.stringMatching(/^is longer than 8 MB/) }]);
    expect(r.records).toBe(1);
    // The same when the whole line arrives in one chunk.
    const tail = enc(`\n${row(2)}\n`);
    const whole = new Uint8Array(long.length + tail.length);
    whole.set(long);
    whole.set(tail, long.length);
    expect(await validateDataset(whole, schema)).toEqual(r);
  });

  it('reports progress as it reads', async () => {
    const seen: number[] = [];
    const bytes = enc(`${row(1)}\n${row(2)}\n`);
    await validateDataset(chunked(bytes, 10, 60), schema, (p) => seen.push(p.bytes));
    expect(seen).toEqual([10, 60, bytes.length]);
  });

  it('reads a Blob stream', async () => {
    const blob = new Blob([`${row(1)}\n`, `${row(2)}\n`]);
    const r = await validateDataset(streamChunks(blob.stream()), schema);
    expect(r).toMatchObject({ ok: true, records: 2, bytes: blob.size });
  });

  // "Say 123456." + "ü" + "123456 ✓" is 20 characters: 5 tokens a record.
  it('validates 10 MB of records (the timing is in the report, not asserted here)', async () => {
    const line = enc(`${row(123_456)}\n`);
    const count = Math.ceil((10 * 1024 * 1024) / line.length);
    const bytes = new Uint8Array(count * line.length);
    for (let i = 0; i < count; i++) bytes.set(line, i * line.length);
    const r: DatasetReport = await validateDataset(bytes, schema);
    expect(r).toMatchObject({ ok: true, records: count, bytes: bytes.length, estimatedTokens: count * 5 });
  });
});
