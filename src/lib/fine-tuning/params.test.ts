import { describe, expect, it } from 'vitest';
import { paramFields, paramsJson, validateParams, type ParamField } from './params';

// The devnet provider's training_params.example.json (devnet/sim/fine-tuning-requests.ts).
const EXAMPLE = { num_train_epochs: 1, per_device_train_batch_size: 2, learning_rate: 0.0002, max_steps: 3 };
const fields = paramFields(EXAMPLE);
const field = (name: string, list: ParamField[] = fields) => list.find((f) => f.name === name);

describe('paramFields', () => {
  it('gives the example entries kinds, ranges and help by their common names', () => {
    expect(fields.map((f) => [f.name, f.kind, f.default, f.min, f.max])).toEqual([
      ['num_train_epochs', 'integer', 1, 1, 100],
      ['per_device_train_batch_size', 'integer', 2, 1, 1024],
      ['learning_rate', 'number', 0.0002, 0, 1],
      ['max_steps', 'integer', 3, -1, 1_000_000],
    ]);
    expect(field('learning_rate')?.minExclusive).toBe(true);
    for (const f of fields) expect(f.help).toMatch(/^[A-Z].{10,}\.$/);
  });

  it('knows LoRA and other trainer names, and takes unknown ones as they come', () => {
    const list = paramFields({
      lora_r: 16,
      lora_alpha: 32,
      lora_dropout: 0.05,
      neftune_noise_alpha: 5,
      r: 8,
      fp16: true,
      note: 'x',
      lr_scheduler_type: 'cosine',
      beta: 0.1,
    });
    expect(field('lora_r', list)).toMatchObject({ kind: 'integer', min: 1, max: 1024 });
    expect(field('r', list)).toMatchObject({ kind: 'integer', min: 1, max: 1024 });
    expect(field('lora_dropout', list)).toMatchObject({ kind: 'number', min: 0, max: 1 });
    expect(field('lr_scheduler_type', list)).toMatchObject({ kind: 'string', default: 'cosine' });
    expect(field('fp16', list)).toMatchObject({ kind: 'boolean', default: true });
    expect(field('beta', list)).toEqual({
      name: 'beta',
      kind: 'number',
      default: 0.1,
      help: "A setting of the provider's training script.",
    });
  });

  it("trusts the example over the name's usual type and range", () => {
    const list = paramFields({
      num_train_epochs: 0.5,
      learning_rate: '2e-4',
      lora_rank: 4096,
      nested: { a: 1 },
      list: [1],
      nothing: null,
    });
    expect(field('num_train_epochs', list)).toMatchObject({ kind: 'number', min: 0.5, minExclusive: false });
    expect(field('learning_rate', list)).toMatchObject({ kind: 'string' });
    expect(field('lora_rank', list)).toMatchObject({ kind: 'integer', max: 4096 });
    expect(list.map((f) => f.name)).toEqual(['num_train_epochs', 'learning_rate', 'lora_rank']);
    expect(paramFields([1, 2])).toEqual([]);
  });
});

describe('validateParams', () => {
  it('turns typed form text into numbers', () => {
    const r = validateParams(fields, {
      num_train_epochs: '2',
      per_device_train_batch_size: 4,
      learning_rate: ' 1e-4 ',
      max_steps: '-1',
    });
    expect(r).toEqual({
      ok: true,
      params: { num_train_epochs: 2, per_device_train_batch_size: 4, learning_rate: 0.0001, max_steps: -1 },
      warnings: [],
    });
  });

  it('says what is wrong with each field', () => {
    const r = validateParams(fields, {
      num_train_epochs: 1.5,
      per_device_train_batch_size: '',
      learning_rate: 0,
      max_steps: '0x10',
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      { field: 'num_train_epochs', message: '"num_train_epochs" must be a whole number from 1 to 100.' },
      { field: 'per_device_train_batch_size', message: 'Enter a value for "per_device_train_batch_size".' },
      { field: 'learning_rate', message: '"learning_rate" must be a number above 0 and at most 1.' },
      { field: 'max_steps', message: '"max_steps" must be a whole number from -1 to 1000000.' },
    ]);
  });

  it('checks strings and booleans', () => {
    const list = paramFields({ fp16: false, lr_scheduler_type: 'linear' });
    expect(validateParams(list, { fp16: 'true', lr_scheduler_type: 'cosine' })).toMatchObject({
      ok: true,
      params: { fp16: true, lr_scheduler_type: 'cosine' },
    });
    const bad = validateParams(list, { fp16: 'yes', lr_scheduler_type: 3 });
    expect(!bad.ok && bad.errors.map((e) => e.message)).toEqual([
      '"fp16" must be true or false.',
      '"lr_scheduler_type" must be text.',
    ]);
  });

  it('reads pasted JSON: missing fields take the example value, unknown keys pass with a warning', () => {
    const r = validateParams(fields, '{"num_train_epochs": 3, "learning_rate": 0.0001, "max_steps": 10, "fp16": true}');
    expect(r).toMatchObject({
      ok: true,
      params: { num_train_epochs: 3, per_device_train_batch_size: 2, learning_rate: 0.0001, max_steps: 10, fp16: true },
    });
    expect(r.warnings.map((w) => w.field)).toEqual(['per_device_train_batch_size', 'fp16']);
    expect(r.warnings[0]?.message).toBe('"per_device_train_batch_size" is not set: the example\'s value 2 is used.');
    expect(r.warnings[1]?.message).toMatch(/not in the provider's example parameters/);
  });

  it('refuses JSON that is not an object', () => {
    for (const raw of ['[1]', 'null', '3', '{"a":']) {
      const r = validateParams(fields, raw);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.errors[0]?.field).toBe('');
    }
    const r = validateParams(fields, '[]');
    expect(!r.ok && r.errors[0]?.message).toBe('The parameters must be a JSON object, like {"learning_rate": 0.0002}.');
  });

  it('keeps a pasted "__proto__" key a plain key', () => {
    const r = validateParams([], '{"__proto__": {"polluted": true}}');
    expect(r.ok && Object.getPrototypeOf(r.params)).toBe(Object.prototype);
    expect(r.ok && Object.keys(r.params)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('paramsJson', () => {
  it('writes numbers in decimal notation, never with an exponent', () => {
    const text = paramsJson({ learning_rate: 1e-7, big: 1e21, neg: -2.5e-8, n: 3, s: 'a"b', t: true, o: { x: 1 } });
    expect(text).not.toMatch(/\de[-+]?\d/i);
    expect(text).toContain('"learning_rate": 0.0000001');
    expect(text).toContain('"big": 1000000000000000000000');
    expect(text).toContain('"neg": -0.000000025');
    expect(JSON.parse(text)).toEqual({
      learning_rate: 1e-7,
      big: 1e21,
      neg: -2.5e-8,
      n: 3,
      s: 'a"b',
      t: true,
      o: { x: 1 },
    });
    expect(paramsJson({})).toBe('{}');
  });
});
