import { describe, expect, it } from 'vitest';
import { deferEntry } from './deferred-start';

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
