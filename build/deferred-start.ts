import { readFileSync } from 'node:fs';
import type { Plugin, Rolldown } from 'vite';

const CLIENT = readFileSync(new URL('./deferred-start.client.js', import.meta.url), 'utf8');
const ENTRY = /\s*<script type="module" crossorigin src="([^"]+)"><\/script>/g;
const PRELOAD = /\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g;

/**
 * Replaces the entry `<script type="module">` and its `<link rel="modulepreload">`s in built HTML with one deferred
 * script that adds them once the page has painted. `src` is that script's URL.
 */
export function deferEntry(html: string, src: string): string {
  const entries = [...html.matchAll(ENTRY)].map((m) => m[1]);
  if (entries.length !== 1) throw new Error(`expected one module entry script in index.html, found ${entries.length}`);
  const preload = [...html.matchAll(PRELOAD)].map((m) => m[1]);
  const tag = `<script defer src="${src}" data-entry="${entries[0]}" data-preload="${preload.join(' ')}"></script>`;
  return html.replace(PRELOAD, '').replace(ENTRY, `\n    ${tag}`);
}

/**
 * The built index.html starts the app after the static shell's first paint (see deferred-start.client.js): on a
 * slow connection the page shows at once what it will show anyway, rather than after the app's JavaScript. The
 * starter is emitted as a hashed asset, like the rest of the build. Builds only.
 */
export function deferredStartPlugin(): Plugin {
  let base = '/';
  return {
    name: 'deferred-start',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      base = config.base;
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const html = Object.values(bundle).find(
          (f): f is Rolldown.OutputAsset => f.type === 'asset' && f.fileName === 'index.html',
        );
        if (!html) return;
        const ref = this.emitFile({ type: 'asset', name: 'start.js', source: CLIENT });
        html.source = deferEntry(String(html.source), `${base}${this.getFileName(ref)}`);
      },
    },
  };
}
