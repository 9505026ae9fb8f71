import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { FINE_TUNING } from '../catalogue.js';
import { usagePackage } from './fine-tuning-requests.js';
import { storedZip } from './fine-tuning-zip.js';

// adm-zip comes with the SDK (it unpacks model packages with it): a real reader, not ours.
const require = createRequire(import.meta.url);
const AdmZip = require('adm-zip') as new (data: Buffer) => {
  getEntries: () => { entryName: string; getData: () => Buffer }[];
};

describe('storedZip', () => {
  it('writes archives a zip reader opens, byte for byte the same each time', () => {
    const entries = [
      { name: 'a.txt', data: Buffer.from('hello') },
      { name: 'dir/b.json', data: Buffer.from('{"x":1}') },
    ];
    const zip = storedZip(entries);
    const read = new AdmZip(zip).getEntries().map((e) => [e.entryName, e.getData().toString()]);
    expect(read).toEqual([
      ['a.txt', 'hello'],
      ['dir/b.json', '{"x":1}'],
    ]);
    expect(storedZip(entries).equals(zip)).toBe(true);
  });

  it('packs a README, an example dataset and example parameters per model', () => {
    const model = FINE_TUNING.models[0];
    if (!model) throw new Error('no fine-tuning model in the catalogue');
    const files = new AdmZip(usagePackage(model)).getEntries();
    expect(files.map((e) => e.entryName)).toEqual([
      'README.md',
      'dataset.example.jsonl',
      'training_params.example.json',
    ]);
    expect(files[0]?.getData().toString()).toContain(model.name);
    for (const line of files[1]?.getData().toString().trim().split('\n') ?? [])
      expect(() => JSON.parse(line)).not.toThrow();
  });
});
