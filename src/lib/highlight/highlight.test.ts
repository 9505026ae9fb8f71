import { describe, expect, it } from 'vitest';
import { devnet, mainnet } from '../chain/networks';
import type { Service } from '../chain/services';
import { buildSnippets, snippetTarget } from '../snippets';
import { tokenize, type HighlightLanguage, type Token, type TokenKind } from './index';

/** The runs of one kind, in order. */
const runs = (tokens: Token[], kind: TokenKind) => tokens.filter((t) => t.kind === kind).map((t) => t.text);
const kinds = (src: string, language: HighlightLanguage) => tokenize(src, language).map((t) => [t.kind, t.text]);

describe('tokenize: TypeScript and JavaScript', () => {
  it('finds comments, strings with escapes, numbers and keywords', () => {
    const src = `// one\nconst a = 'it\\'s'; /* two\nlines */ let b = "q\\"x" + 12.5e3 + 0xff + 10n;`;
    const t = tokenize(src, 'typescript');
    expect(runs(t, 'comment')).toEqual(['// one', '/* two\nlines */']);
    expect(runs(t, 'string')).toEqual([`'it\\'s'`, `"q\\"x"`]);
    expect(runs(t, 'number')).toEqual(['12.5e3', '0xff', '10n']);
    expect(runs(t, 'keyword')).toEqual(['const', 'let']);
  });

  it('colours a template literal as a string and its ${…} as code, nested braces and templates included', () => {
    const src = 'const s = `a \\` ${ {x: 1}.x + `in ${n}` } b`;';
    expect(kinds(src, 'javascript')).toEqual([
      ['keyword', 'const'],
      ['plain', ' s = '],
      ['string', '`a \\` '],
      ['plain', '${ {x: '],
      ['number', '1'],
      ['plain', '}.x + '],
      ['string', '`in '],
      ['plain', '${n}'],
      ['string', '`'],
      ['plain', ' }'],
      ['string', ' b`'],
      ['plain', ';'],
    ]);
  });

  it('tells a regular expression from a division, and keys and properties from keywords', () => {
    const t = tokenize(
      "x.replace(/^data:\\s*'/g, '') / 2; const o = { type: 'a', default: 1 }; o.new; a as B;",
      'typescript',
    );
    expect(runs(t, 'string')).toEqual(["/^data:\\s*'/g", "''", "'a'"]);
    expect(runs(t, 'number')).toEqual(['2', '1']);
    expect(runs(t, 'keyword')).toEqual(['const', 'default', 'as']);
  });

  it('does not read digits inside names as numbers', () => {
    expect(runs(tokenize('const v1 = utf8 + $2 + _3;', 'javascript'), 'number')).toEqual([]);
  });
});

describe('tokenize: Python', () => {
  it('finds comments, prefixed and triple-quoted strings, f-strings whole, numbers and keywords', () => {
    const src = `# note\nif x is None:\n    print(f"id: {h.get('k')}", r'\\d', b"\\"", """a\n'b'""", 3.5, 1_000)\n`;
    const t = tokenize(src, 'python');
    expect(runs(t, 'comment')).toEqual(['# note']);
    expect(runs(t, 'string')).toEqual([`f"id: {h.get('k')}"`, `r'\\d'`, `b"\\""`, `"""a\n'b'"""`]);
    expect(runs(t, 'number')).toEqual(['3.5', '1_000']);
    expect(runs(t, 'keyword')).toEqual(['if', 'is', 'None']);
  });
});

describe('tokenize: bash', () => {
  it('finds comments, quotes, numbers and keywords, and leaves words and variables plain', () => {
    const src = `# top\nfor f in a b; do echo "$f \\"x\\"" 'it'\\''s' $'a\\'b' --port 3000 0g-cli --inference-ca x#y \${#f}; done # end\n`;
    const t = tokenize(src, 'bash');
    expect(runs(t, 'comment')).toEqual(['# top', '# end']);
    expect(runs(t, 'string')).toEqual([`"$f \\"x\\""`, `'it'`, `'s'`, `$'a\\'b'`]);
    expect(runs(t, 'number')).toEqual(['3000']);
    expect(runs(t, 'keyword')).toEqual(['for', 'in', 'do', 'done']);
  });
});

describe('tokenize: every Build snippet', () => {
  const service = (serviceType: string, model: string, url: string): Service => ({
    provider: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8',
    serviceType,
    url,
    inputPrice: 1n,
    outputPrice: 2n,
    updatedAt: 0n,
    model,
    verifiability: 'TeeML',
    additionalInfo: '{}',
    teeSignerAddress: '0x0000000000000000000000000000000000000001',
    teeSignerAcknowledged: true,
  });
  const local = devnet('http://127.0.0.1:8545', mainnet.contracts);
  const HOSTILE = `it's "quoted" \`tick\` \${x} $(rm -rf ~) # not a comment \\ end`;

  for (const type of ['chatbot', 'text-to-image', 'image-editing', 'speech-to-text'])
    for (const model of ['qwen/qwen-2.5-7b-instruct', HOSTILE])
      it(`is lossless, and keeps the provider's words inside strings (${type}, ${model.slice(0, 10)})`, () => {
        const target = snippetTarget(service(type, model, 'https://p.example/'), local)!;
        for (const s of buildSnippets(target)) {
          const tokens = tokenize(s.code, s.language);
          expect(tokens.map((t) => t.text).join('')).toBe(s.code);
          expect(tokens.some((t) => t.kind === 'comment') && tokens.some((t) => t.kind === 'string')).toBe(true);
          // The provider's model is data: wherever it appears, it is inside a string or a comment, never code.
          if (model === HOSTILE) {
            let at = 0;
            const owner = (index: number) => {
              let end = 0;
              return tokens.find((t) => (end += t.text.length) > index)?.kind;
            };
            for (let i = s.code.indexOf('$(rm', at); i !== -1; i = s.code.indexOf('$(rm', at)) {
              expect(['string', 'comment'], `${s.id} at ${i}`).toContain(owner(i));
              at = i + 1;
            }
          }
        }
      });
});
