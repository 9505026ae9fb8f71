// Training parameters: form fields from the provider's example (training_params.example.json) with
// sensible ranges for the names trainers share, and the check of what the user typed or pasted.

export type ParamKind = 'number' | 'integer' | 'string' | 'boolean';
export type ParamValue = number | string | boolean;

export interface ParamField {
  name: string;
  kind: ParamKind;
  default: ParamValue;
  min?: number;
  max?: number;
  /** `min` itself is not allowed (a learning rate of 0 trains nothing). */
  minExclusive?: boolean;
  help: string;
}

export interface ParamIssue {
  field: string;
  message: string;
}

export type ParamsResult =
  | { ok: true; params: Record<string, unknown>; warnings: ParamIssue[] }
  | { ok: false; errors: ParamIssue[]; warnings: ParamIssue[] };

type Rule = Pick<ParamField, 'kind' | 'min' | 'max' | 'minExclusive' | 'help'>;

const int = (pattern: RegExp, min: number, max: number, help: string): [RegExp, Rule] => [
  pattern,
  { kind: 'integer', min, max, help },
];
// Above `min` rather than from it when `exclusive`: a learning rate of 0 trains nothing.
const num = (pattern: RegExp, min: number, max: number, help: string, exclusive = false): [RegExp, Rule] => [
  pattern,
  exclusive ? { kind: 'number', min, max, minExclusive: true, help } : { kind: 'number', min, max, help },
];
const STEPS = 1_000_000;

const RULES: [RegExp, Rule][] = [
  num(/^(learning_rate|lr)$/, 0, 1, 'How far each step moves the weights; 0.0001 to 0.0005 is typical for LoRA.', true),
  int(
    /^(num_train_epochs|num_epochs|n_epochs|train_epochs|epochs)$/,
    1,
    100,
    'Passes over the whole dataset; 1 to 3 is typical.',
  ),
  int(/batch_size$/, 1, 1024, 'Records per training step on each GPU; lower it if training runs out of memory.'),
  int(/^gradient_accumulation_steps$/, 1, 1024, 'Steps added up before each update: a larger batch, no more memory.'),
  int(
    /^(lora_rank|lora_r|rank|r)$/,
    1,
    1024,
    'Size of the LoRA adapter; 8 to 64 is typical, larger needs more memory.',
  ),
  num(/^(lora_alpha|alpha)$/, 0, 4096, 'Scale of the LoRA update, often twice the rank.', true),
  num(/dropout$/, 0, 1, 'Share of values dropped while training, against overfitting; 0 to 0.1 is typical.'),
  int(/^max_steps$/, -1, STEPS, 'Stop after this many steps; -1 trains for the full number of epochs.'),
  int(/^warmup_steps$/, 0, STEPS, 'Steps over which the learning rate rises from 0 at the start.'),
  num(/^warmup_ratio$/, 0, 1, 'Share of training over which the learning rate rises from 0 at the start.'),
  num(/^weight_decay$/, 0, 1, 'Pulls weights towards zero, against overfitting; 0 to 0.1 is typical.'),
  int(
    /^(max_seq_length|max_seq_len|max_length|model_max_length|cutoff_len)$/,
    1,
    131_072,
    'The longest record in tokens; longer records are cut.',
  ),
  num(
    /^neftune_noise_alpha$/,
    0,
    50,
    'Noise added to embeddings while training (NEFTune); 0 turns it off, 5 is typical.',
  ),
  num(/^max_grad_norm$/, 0, 1000, 'Larger gradients are scaled down to this size; 1 is typical.'),
  int(/^(seed|random_seed)$/, 0, 4_294_967_295, 'Fixes the random choices, so a run can be repeated.'),
  int(/^logging_steps$/, 1, STEPS, 'Steps between two lines of the training log.'),
  int(/^save_steps$/, 1, STEPS, 'Steps between two saved checkpoints.'),
  int(/^eval_steps$/, 1, STEPS, 'Steps between two evaluations.'),
  [
    /^lr_scheduler_type$/,
    { kind: 'string', help: 'How the learning rate changes during training: linear, cosine or constant, say.' },
  ],
];
const OTHER = "A setting of the provider's training script.";
const MAX_FIELDS = 100;

function fieldFor(name: string, value: ParamValue): ParamField {
  const rule = RULES.find(([pattern]) => pattern.test(name.toLowerCase()))?.[1];
  // A rule applies only where the example agrees on the type: the provider's example is the authority.
  const fits = rule && (rule.kind === 'string' ? typeof value === 'string' : typeof value === 'number');
  if (!rule || !fits) {
    const kind = typeof value === 'number' ? 'number' : (typeof value as 'string' | 'boolean');
    return { name, kind, default: value, help: OTHER };
  }
  const field: ParamField = { name, default: value, ...rule };
  if (typeof value === 'number') {
    if (field.kind === 'integer' && !Number.isInteger(value)) field.kind = 'number';
    // Never call the provider's own example out of range.
    if (field.min !== undefined && (value < field.min || (value === field.min && field.minExclusive))) {
      field.min = value;
      field.minExclusive = false;
    }
    if (field.max !== undefined && value > field.max) field.max = value;
  }
  return field;
}

/** Form fields for the example's number, string and boolean entries (other entries are not editable). */
export function paramFields(exampleParams: object): ParamField[] {
  if (Array.isArray(exampleParams)) return [];
  return Object.entries(exampleParams)
    .filter((e): e is [string, ParamValue] => ['number', 'string', 'boolean'].includes(typeof e[1]))
    .filter(([, v]) => typeof v !== 'number' || Number.isFinite(v))
    .slice(0, MAX_FIELDS)
    .map(([name, value]) => fieldFor(name, value));
}

const DECIMAL = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;

function range(f: ParamField): string {
  const whole = f.kind === 'integer' ? 'a whole number' : 'a number';
  if (f.min === undefined || f.max === undefined) return whole;
  if (f.minExclusive) return `${whole} above ${f.min} and at most ${f.max}`;
  return `${whole} from ${f.min} to ${f.max}`;
}

function coerce(f: ParamField, raw: unknown): { value: ParamValue } | { message: string } {
  const name = JSON.stringify(f.name);
  if (f.kind === 'string') return typeof raw === 'string' ? { value: raw } : { message: `${name} must be text.` };
  if (f.kind === 'boolean') {
    if (typeof raw === 'boolean') return { value: raw };
    if (raw === 'true' || raw === 'false') return { value: raw === 'true' };
    return { message: `${name} must be true or false.` };
  }
  const text = typeof raw === 'string' ? raw.trim() : null;
  if (text === '') return { message: `Enter a value for ${name}.` };
  const n = typeof raw === 'number' ? raw : text !== null && DECIMAL.test(text) ? Number(text) : NaN;
  const inRange =
    Number.isFinite(n) &&
    (f.kind !== 'integer' || Number.isInteger(n)) &&
    (f.min === undefined || (f.minExclusive ? n > f.min : n >= f.min)) &&
    (f.max === undefined || n <= f.max);
  return inRange ? { value: n } : { message: `${name} must be ${range(f)}.` };
}

function parseRaw(raw: string): { values: Record<string, unknown> } | { error: ParamIssue } {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { error: { field: '', message: `The parameters are not valid JSON: ${detail}` } };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { error: { field: '', message: 'The parameters must be a JSON object, like {"learning_rate": 0.0002}.' } };
  }
  return { values: value as Record<string, unknown> };
}

/**
 * Checks form values (numbers may be typed text) or pasted JSON against the fields. A missing field
 * takes the example's value; keys the example lacks pass through with a warning. Errors with field ''
 * concern the JSON as a whole.
 */
export function validateParams(fields: ParamField[], input: Record<string, unknown> | string): ParamsResult {
  const parsed = typeof input === 'string' ? parseRaw(input) : { values: input };
  if ('error' in parsed) return { ok: false, errors: [parsed.error], warnings: [] };
  const { values } = parsed;
  const errors: ParamIssue[] = [];
  const warnings: ParamIssue[] = [];
  const entries: [string, unknown][] = [];
  for (const f of fields) {
    if (!Object.hasOwn(values, f.name) || values[f.name] === undefined) {
      const example = JSON.stringify(f.default);
      warnings.push({ field: f.name, message: `"${f.name}" is not set: the example's value ${example} is used.` });
      entries.push([f.name, f.default]);
      continue;
    }
    const result = coerce(f, values[f.name]);
    if ('message' in result) errors.push({ field: f.name, message: result.message });
    else entries.push([f.name, result.value]);
  }
  const known = new Set(fields.map((f) => f.name));
  for (const [name, value] of Object.entries(values)) {
    if (known.has(name)) continue;
    warnings.push({
      field: name,
      message: `"${name}" is not in the provider's example parameters: the training script may reject or ignore it.`,
    });
    entries.push([name, value]);
  }
  if (errors.length > 0) return { ok: false, errors, warnings };
  // fromEntries defines own properties: a pasted "__proto__" key stays a key and changes no prototype.
  return { ok: true, params: Object.fromEntries(entries), warnings };
}

// 0G's guide asks for decimal notation (0.0002, not 2e-4); JSON.stringify writes 1e-7 for small numbers.
function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return 'null';
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(String(n));
  if (!m) return String(n);
  const [, sign = '', lead = '', rest = '', exp = '0'] = m;
  const digits = lead + rest;
  const e = Number(exp);
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  return sign + digits.padEnd(e + 1, '0');
}

/** The parameters as the JSON text a task carries, numbers written in decimal notation. */
export function paramsJson(params: Record<string, unknown>): string {
  const lines = Object.entries(params).map(([key, value]) => {
    const text = typeof value === 'number' ? plainNumber(value) : (JSON.stringify(value) ?? 'null');
    return `  ${JSON.stringify(key)}: ${text}`;
  });
  return lines.length > 0 ? `{\n${lines.join(',\n')}\n}` : '{}';
}
