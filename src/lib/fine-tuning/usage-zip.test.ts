import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FINE_TUNING } from '../../../devnet/catalogue';
import { crc32, zipStore } from '../zip';
import { readZip, usagePackage } from './usage-zip';

// The devnet simulator is the provider's ground truth. It is loaded by a computed path so the
// app's typecheck (DOM lib) does not follow it into its Node-only HTTP helpers.
const sim = (file: string) =>
  import(/* @vite-ignore */ `../../../devnet/sim/${file}`) as Promise<Record<string, unknown>>;
const simUsagePackage = (await sim('fine-tuning-requests.ts')).usagePackage as (m: unknown) => Uint8Array;

interface RawEntry {
  name: string;
  data: Uint8Array;
  method?: number;
  flags?: number;
  /** Overrides the uncompressed size written in the headers. */
  size?: number;
  crc?: number;
}

/** A ZIP written by hand, so a test can set any method, flag, size or CRC. */
function handZip(entries: RawEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const method = e.method ?? 8;
    const packed = method === 8 ? new Uint8Array(deflateRawSync(e.data)) : e.data;
    const fields = (head: DataView, at: number) => {
      head.setUint16(at + 2, e.flags ?? 0x0800, true);
      head.setUint16(at + 4, method, true);
      head.setUint32(at + 10, e.crc ?? crc32(e.data), true);
      head.setUint32(at + 14, packed.length, true);
      head.setUint32(at + 18, e.size ?? e.data.length, true);
      head.setUint16(at + 22, name.length, true);
    };
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    fields(lv, 4);
    local.set(name, 30);
    const dir = new Uint8Array(46 + name.length);
    const dv = new DataView(dir.buffer);
    dv.setUint32(0, 0x02014b50, true);
    fields(dv, 6);
    dv.setUint32(42, offset, true);
    dir.set(name, 46);
    parts.push(local, packed);
    central.push(dir);
    offset += local.length + packed.length;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const all = [...parts, ...central, end];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  all.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}

const text = (s: string) => new TextEncoder().encode(s);

describe('readZip', () => {
  it('reads stored entries written by the app zip writer', async () => {
    const zip = zipStore([
      { name: 'a.txt', data: 'hello' },
      { name: 'dir/b.bin', data: new Uint8Array([0, 1, 2, 255]) },
    ]);
    expect(await readZip(zip)).toEqual([
      { name: 'a.txt', data: text('hello') },
      { name: 'dir/b.bin', data: new Uint8Array([0, 1, 2, 255]) },
    ]);
  });

  it('inflates deflated entries and skips folders', async () => {
    const big = text('{"instruction":"x","output":"y"}\n'.repeat(500));
    const zip = handZip([
      { name: 'folder/', data: new Uint8Array(0), method: 0 },
      { name: 'folder/data.jsonl', data: big },
      { name: 'ünï.md', data: text('# hi') },
    ]);
    expect(zip.length).toBeLessThan(big.length / 4);
    expect(await readZip(zip)).toEqual([
      { name: 'folder/data.jsonl', data: big },
      { name: 'ünï.md', data: text('# hi') },
    ]);
  });

  it('refuses what it cannot or should not read', async () => {
    const one = (e: Partial<RawEntry>) => handZip([{ name: 'x.txt', data: text('abc'), ...e }]);
    await expect(readZip(one({ method: 12 }))).rejects.toThrow(/unsupported compression/);
    await expect(readZip(one({ flags: 1 }))).rejects.toThrow(/encrypted/);
    await expect(readZip(one({ size: 21 * 1024 * 1024 }))).rejects.toThrow(/larger than 20 MB/);
    await expect(readZip(one({ size: 21 * 1024 * 1024 }), { maxEntryBytes: 30 * 1024 * 1024 })).rejects.toThrow(
      /damaged/,
    );
    const pair = handZip([
      { name: 'a.txt', data: new Uint8Array(12 * 1024 * 1024) },
      { name: 'b.txt', data: new Uint8Array(12 * 1024 * 1024) },
    ]);
    await expect(readZip(pair, { maxTotalBytes: 20 * 1024 * 1024 })).rejects.toThrow(/more than 20 MB in all/);
    await expect(readZip(one({ crc: 1234 }))).rejects.toThrow(/damaged/);
    await expect(readZip(one({ name: '../evil.sh' }))).rejects.toThrow(/unsafe name/);
    await expect(readZip(one({ name: 'a/../../evil.sh' }))).rejects.toThrow(/unsafe name/);
    await expect(readZip(one({ name: '/etc/passwd' }))).rejects.toThrow(/unsafe name/);
    await expect(readZip(one({ name: 'C:\\boot.ini' }))).rejects.toThrow(/unsafe name/);
    await expect(readZip(text('not a zip at all, just some words'))).rejects.toThrow(/not a readable ZIP/);
    const many = zipStore(Array.from({ length: 201 }, (_, i) => ({ name: `f${i}.txt`, data: '' })));
    await expect(readZip(many)).rejects.toThrow(/201 files/);
  });

  it('stops inflating an entry that outgrows its declared size', async () => {
    const bomb = handZip([{ name: 'bomb.txt', data: new Uint8Array(5 * 1024 * 1024), size: 1000 }]);
    await expect(readZip(bomb)).rejects.toThrow(/larger than it says/);
  });

  it('refuses a truncated archive', async () => {
    const zip = handZip([{ name: 'x.txt', data: text('abc'.repeat(100)) }]);
    const cut = new Uint8Array([...zip.subarray(0, 20), ...zip.subarray(zip.length - 80)]);
    await expect(readZip(cut)).rejects.toThrow();
  });
});

describe('usagePackage', () => {
  it("reads the devnet provider's own usage package", async () => {
    const model = FINE_TUNING.models[0]!;
    const pkg = await usagePackage(new Uint8Array(simUsagePackage(model)));
    expect(pkg.files).toEqual(['README.md', 'dataset.example.jsonl', 'training_params.example.json']);
    expect(pkg.readme).toContain(model.description);
    expect(pkg.exampleDataset?.name).toBe('dataset.example.jsonl');
    expect(JSON.parse(pkg.exampleDataset?.text.split('\n')[0] ?? '')).toHaveProperty('instruction');
    expect(pkg.exampleParams?.name).toBe('training_params.example.json');
    expect(JSON.parse(pkg.exampleParams?.text ?? '')).toHaveProperty('num_train_epochs');
  });

  it('picks files by name in any case and folder, and leaves out what is missing', async () => {
    const zip = handZip([
      { name: 'pkg/ReadMe.MD', data: text('# Usage') },
      { name: 'pkg/Dataset_Example.JSON', data: text('[{"q":1}]') },
      { name: 'pkg/Training-Params.json', data: text('{"lr":1}') },
    ]);
    const pkg = await usagePackage(zip);
    expect(pkg).toEqual({
      readme: '# Usage',
      exampleDataset: { name: 'pkg/Dataset_Example.JSON', text: '[{"q":1}]' },
      exampleParams: { name: 'pkg/Training-Params.json', text: '{"lr":1}' },
      files: ['pkg/ReadMe.MD', 'pkg/Dataset_Example.JSON', 'pkg/Training-Params.json'],
    });
    expect(await usagePackage(zipStore([{ name: 'notes.txt', data: 'x' }]))).toEqual({ files: ['notes.txt'] });
  });
});
