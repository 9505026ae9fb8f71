// The shape a provider's dataset must have, learned from its example dataset (the usage package's
// dataset.example.jsonl), and the check of one parsed record against it.

export type JsonKind = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

/** What a value must look like: one of `kinds`; for objects their keys, for arrays their elements. */
export interface ValueSchema {
  kinds: JsonKind[];
  keys?: Record<string, KeySchema>;
  items?: ValueSchema;
  /** Every array in the example had at least one element (a chat with no messages trains nothing). */
  nonEmpty?: boolean;
}

export interface KeySchema extends ValueSchema {
  /** The key is on every example object at this place. */
  required: boolean;
}

/** The top-level keys every dataset line must (or may) have. Plain data: it crosses to a worker. */
export interface DatasetSchema {
  keys: Record<string, KeySchema>;
}

/** Any JSON object per line: for a provider whose example could not be read. */
export const ANY_OBJECT_SCHEMA: DatasetSchema = { keys: {} };

// The example is provider data: bound how much of it shapes the schema.
const MAX_DEPTH = 4;
const MAX_KEYS = 50;
const MAX_EXAMPLE_LINES = 1000;

/** The JSON kind of a parsed value. */
export function kindOf(value: unknown): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'boolean' ? t : 'object';
}

const isObject = (v: unknown): v is Record<string, unknown> => kindOf(v) === 'object';

function merge(values: unknown[], depth: number): ValueSchema {
  const schema: ValueSchema = { kinds: [...new Set(values.map(kindOf))] };
  if (depth >= MAX_DEPTH) return schema;
  const objects = values.filter(isObject);
  if (objects.length > 0) schema.keys = mergeKeys(objects, depth + 1);
  const arrays = values.filter(Array.isArray);
  if (arrays.length > 0) {
    schema.nonEmpty = arrays.every((a) => a.length > 0);
    const elements = arrays.flat();
    if (elements.length > 0) schema.items = merge(elements, depth + 1);
  }
  return schema;
}

function mergeKeys(objects: Record<string, unknown>[], depth: number): Record<string, KeySchema> {
  const names = [...new Set(objects.flatMap((o) => Object.keys(o)))].slice(0, MAX_KEYS);
  // Object.fromEntries defines own properties, so a "__proto__" key in the example stays a plain key.
  return Object.fromEntries(
    names.map((name) => {
      const present = objects.filter((o) => Object.hasOwn(o, name));
      const values = present.map((o) => o[name]);
      return [name, { ...merge(values, depth), required: present.length === objects.length }];
    }),
  );
}

/**
 * The schema the provider's example dataset implies: keys on every example line are required,
 * with the JSON kinds they had there. Throws a sentence when the example has no JSON object line.
 */
export function schemaFromExample(exampleText: string): DatasetSchema {
  const records: Record<string, unknown>[] = [];
  for (const line of exampleText
    .replace(/^\uFEFF/, '')
    .split('\n')
    .slice(0, MAX_EXAMPLE_LINES)) {
    if (line.trim() === '') continue;
    try {
      const value: unknown = JSON.parse(line);
      if (isObject(value)) records.push(value);
    } catch {
      // A broken example line teaches nothing; the lines that parse still do.
    }
  }
  if (records.length === 0) throw new Error("The provider's example dataset has no JSON object lines.");
  return { keys: mergeKeys(records, 1) };
}

const A: Record<JsonKind, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  null: 'null',
  object: 'an object',
  array: 'a list',
};
const either = (kinds: JsonKind[]) => kinds.map((k) => A[k]).join(' or ');

function checkValue(value: unknown, schema: ValueSchema, path: string): string | null {
  const kind = kindOf(value);
  if (!schema.kinds.includes(kind)) return `"${path}" must be ${either(schema.kinds)}, not ${A[kind]}`;
  if (kind === 'object' && schema.keys) return checkKeys(value as Record<string, unknown>, schema.keys, `${path}.`);
  if (kind === 'array') {
    const list = value as unknown[];
    if (schema.nonEmpty && list.length === 0) return `"${path}" must not be empty`;
    if (!schema.items) return null;
    for (let i = 0; i < list.length; i++) {
      const problem = checkValue(list[i], schema.items, `${path}[${i}]`);
      if (problem) return problem;
    }
  }
  return null;
}

// Entry lists per schema object, built once: a dataset checks the same keys a few hundred thousand times.
const entryCache = new WeakMap<Record<string, KeySchema>, [string, KeySchema][]>();

function checkKeys(record: Record<string, unknown>, keys: Record<string, KeySchema>, prefix: string): string | null {
  let entries = entryCache.get(keys);
  if (!entries) entryCache.set(keys, (entries = Object.entries(keys)));
  for (const [name, schema] of entries) {
    if (!Object.hasOwn(record, name)) {
      if (schema.required) return `missing the field "${prefix}${name}"`;
      continue;
    }
    const problem = checkValue(record[name], schema, prefix + name);
    if (problem) return problem;
  }
  return null;
}

/** The first way a parsed line misses the schema, as a phrase ("missing the field \"output\""), or null. */
export function checkRecord(value: unknown, schema: DatasetSchema): string | null {
  const kind = kindOf(value);
  if (kind !== 'object') return `must be a JSON object, not ${A[kind]}`;
  return checkKeys(value as Record<string, unknown>, schema.keys, '');
}

/** Characters of string content in a value (keys excluded); iterative, so deep nesting cannot overflow. */
export function stringChars(value: unknown): number {
  let chars = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') chars += v.length;
    // A loop, not push(...v): a line may hold an array longer than the engine's argument limit.
    else if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) stack.push(x);
  }
  return chars;
}

function describeValue(schema: ValueSchema): string {
  const parts = schema.kinds.map((kind) => {
    if (kind === 'object' && schema.keys) return describeKeys(schema.keys);
    if (kind === 'array' && schema.items) return `[${describeValue(schema.items)}, …]`;
    return kind === 'array' ? '[…]' : kind;
  });
  return parts.join(' | ');
}

function describeKeys(keys: Record<string, KeySchema>): string {
  const fields = Object.entries(keys).map(
    ([k, s]) => `${JSON.stringify(k)}${s.required ? '' : '?'}: ${describeValue(s)}`,
  );
  return fields.length > 0 ? `{${fields.join(', ')}}` : '{…}';
}

/** One line's shape for a hint: {"instruction": string, "input": string, "output": string}. */
export function describeSchema(schema: DatasetSchema): string {
  return describeKeys(schema.keys);
}
