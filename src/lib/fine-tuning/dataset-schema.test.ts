import { describe, expect, it } from 'vitest';
import { checkRecord, describeSchema, kindOf, schemaFromExample, stringChars } from './dataset-schema';

describe('schemaFromExample', () => {
  it('requires the instruction format of the devnet example', () => {
    const schema = schemaFromExample(
      '{"instruction":"Summarise.","input":"","output":"Done."}\n{"instruction":"Reply.","input":"Thanks!","output":"Welcome."}\n',
    );
    expect(schema.keys).toEqual({
      instruction: { kinds: ['string'], required: true },
      input: { kinds: ['string'], required: true },
      output: { kinds: ['string'], required: true },
    });
    expect(describeSchema(schema)).toBe('{"instruction": string, "input": string, "output": string}');
  });

  it('learns chat messages, keys missing from some lines and mixed kinds', () => {
    const schema = schemaFromExample(
      [
        '\uFEFF{"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"}],"id":1}',
        'not json',
        '{"messages":[{"role":"user","content":"Hi","name":"ann"}],"id":null}',
      ].join('\r\n'),
    );
    expect(describeSchema(schema)).toBe(
      '{"messages": [{"role": string, "content": string, "name"?: string}, …], "id": number | null}',
    );
    expect(schema.keys.messages?.nonEmpty).toBe(true);
    expect(checkRecord({ messages: [{ role: 'user', content: 'x' }], id: 2 }, schema)).toBeNull();
    expect(checkRecord({ messages: [{ role: 'user', content: 'x', name: 7 }], id: 2 }, schema)).toBe(
      '"messages[0].name" must be a string, not a number',
    );
  });

  it('refuses an example with no object line', () => {
    expect(() => schemaFromExample('[1]\n"text"\n\n')).toThrow(/no JSON object lines/);
  });

  it('keeps a "__proto__" key of the example as a plain key', () => {
    const schema = schemaFromExample('{"__proto__":"x","text":"y"}');
    expect(Object.keys(schema.keys)).toEqual(['__proto__', 'text']);
    expect(Object.getPrototypeOf(schema.keys)).toBe(Object.prototype);
    expect(checkRecord({ text: 'y' }, schema)).toBe('missing the field "__proto__"');
  });
});

describe('checkRecord', () => {
  it('accepts extra keys and refuses what is not an object', () => {
    const schema = schemaFromExample('{"text":"a"}');
    expect(checkRecord({ text: 'b', extra: 1 }, schema)).toBeNull();
    expect(checkRecord('text', schema)).toBe('must be a JSON object, not a string');
    expect(checkRecord(null, schema)).toBe('must be a JSON object, not null');
  });
});

describe('stringChars and kindOf', () => {
  it('counts string values only, at any depth', () => {
    expect(stringChars({ a: 'abc', b: [1, 'de', { c: 'f' }], 'long key': true })).toBe(6);
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(stringChars(deep)).toBe(1);
  });

  it('names JSON kinds', () => {
    expect([null, [], {}, '', 0, false].map(kindOf)).toEqual([
      'null',
      'array',
      'object',
      'string',
      'number',
      'boolean',
    ]);
  });
});
