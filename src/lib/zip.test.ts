import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 as nodeCrc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { crc32, zipStore } from './zip';

// Python's zipfile is the independent reader: it checks every CRC (-t) and reads names, bytes and dates.
const dir = mkdtempSync(path.join(tmpdir(), 'zip-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function save(zip: Uint8Array): string {
  const file = path.join(dir, `${n++}.zip`);
  writeFileSync(file, zip);
  return file;
}

const READ = `
import base64, json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    print(json.dumps({
        "bad": z.testzip(),
        "files": [{"name": i.filename, "data": base64.b64encode(z.read(i)).decode(), "method": i.compress_type,
                   "date": list(i.date_time), "utf8": bool(i.flag_bits & 0x800)} for i in z.infolist()],
    }))
`;

interface Read {
  bad: string | null;
  files: { name: string; data: string; method: number; date: number[]; utf8: boolean }[];
}
const pythonRead = (file: string) =>
  JSON.parse(execFileSync('python3', ['-c', READ, file], { encoding: 'utf8' })) as Read;
const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');

describe('crc32', () => {
  it('agrees with zlib', () => {
    for (const s of ['', 'a', '123456789', 'The quick brown fox jumps over the lazy dog', 'ünïcode ✓'.repeat(50)]) {
      const bytes = new TextEncoder().encode(s);
      expect(crc32(bytes)).toBe(nodeCrc32(bytes));
    }
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('zipStore', () => {
  it('writes an archive another reader tests and reads back exactly: names, bytes, stored, UTF-8', () => {
    const binary = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) & 0xff);
    const files = [
      { name: 'project/package.json', data: '{\n  "name": "x"\n}\n' },
      { name: 'project/index.ts', data: "console.log('héllo ✓');\n" },
      { name: 'project/empty.txt', data: '' },
      { name: 'bin/data.bin', data: binary },
      { name: 'ünïcode/名前.txt', data: 'ok' },
    ];
    const file = save(zipStore(files));
    expect(() => execFileSync('python3', ['-m', 'zipfile', '-t', file], { encoding: 'utf8' })).not.toThrow();
    const read = pythonRead(file);
    expect(read.bad).toBeNull();
    expect(read.files.map((f) => f.name)).toEqual(files.map((f) => f.name));
    expect(read.files.map((f) => f.data)).toEqual(files.map((f) => b64(f.data)));
    expect(read.files.every((f) => f.method === 0 && f.utf8)).toBe(true);
    expect(read.files[0]?.date).toEqual([1980, 1, 1, 0, 0, 0]);
  });

  it('records the given modification time and is byte for byte the same for the same input', () => {
    const files = [{ name: 'a.txt', data: 'hello' }];
    const when = new Date(2025, 5, 17, 13, 45, 30);
    const zip = zipStore(files, when);
    expect(pythonRead(save(zip)).files[0]?.date).toEqual([2025, 6, 17, 13, 45, 30]);
    expect(zipStore(files, when)).toEqual(zip);
    expect(zipStore(files)).not.toEqual(zip);
  });

  it('writes an empty archive a reader accepts', () => {
    const zip = zipStore([]);
    expect(zip.length).toBe(22);
    expect(pythonRead(save(zip))).toEqual({ bad: null, files: [] });
  });

  it('refuses a name too long for the format', () => {
    expect(() => zipStore([{ name: 'x'.repeat(70_000), data: '' }])).toThrow(/too long/);
  });
});
