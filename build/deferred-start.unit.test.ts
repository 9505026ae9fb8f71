import { describe, expect, it } from 'vitest';
import type { Rolldown } from 'vite';
import { chunkClosure, deferEntry } from './deferred-start';

const built = `<head>
    <title>x</title>
    <script type="module" crossorigin src="/assets/index-A.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/react-B.js">
    <link rel="modulepreload" crossorigin href="/assets/viem-C.js">
    <link rel="stylesheet" crossorigin href="/assets/index-D.css">
  </head>`;

describe('starting the app after the first paint', () => {
  it('replaces the entry script and its preloads with one deferred starter that names them', () => {
    const out = deferEntry(built, '/assets/start-E.js');
    expect(out).not.toContain('type="module"');
    expect(out).not.toContain('modulepreload');
    expect(out).toContain(
      '<script defer src="/assets/start-E.js" data-entry="/assets/index-A.js" data-preload="/assets/react-B.js /assets/viem-C.js"></script>',
    );
    // The stylesheet stays where it was: the first paint needs it.
    expect(out).toContain('<link rel="stylesheet" crossorigin href="/assets/index-D.css">');
  });

  it('refuses HTML without exactly one entry script, rather than shipping a page that never starts', () => {
    expect(() => deferEntry('<head></head>', '/s.js')).toThrow(/found 0/);
    const two = built.replace('</head>', '<script type="module" crossorigin src="/assets/other.js"></script></head>');
    expect(() => deferEntry(two, '/s.js')).toThrow(/found 2/);
  });
});

describe('the front page preloaded on /', () => {
  it('names the front page chunks the entry does not already load', () => {
    const out = deferEntry(built, '/assets/start-E.js', ['/assets/page-F.js', '/assets/react-B.js', '/assets/ui-G.js']);
    expect(out).toContain('data-front="/assets/page-F.js /assets/ui-G.js"');
  });

  it('follows a chunk static imports, once each', () => {
    const chunk = (fileName: string, imports: string[], facadeModuleId: string | null = null) =>
      ({ type: 'chunk', fileName, imports, facadeModuleId }) as unknown as Rolldown.OutputChunk;
    const bundle = {
      'page.js': chunk('page.js', ['a.js', 'b.js'], '/repo/src/pages/marketplace.tsx'),
      'a.js': chunk('a.js', ['b.js']),
      'b.js': chunk('b.js', ['a.js']),
      'other.js': chunk('other.js', []),
    } as unknown as Rolldown.OutputBundle;
    expect(chunkClosure(bundle, 'src/pages/marketplace.tsx', '/')).toEqual(['/page.js', '/a.js', '/b.js']);
    expect(chunkClosure(bundle, 'src/pages/missing.tsx', '/')).toEqual([]);
  });
});
