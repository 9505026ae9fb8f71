import { readFileSync } from 'node:fs';
import type { Plugin, Rolldown } from 'vite';

const CLIENT = readFileSync(new URL('./deferred-start.client.js', import.meta.url), 'utf8');
const ENTRY = /\s*<script type="module" crossorigin src="([^"]+)"><\/script>/g;
// The page `/` shows: main.tsx imports it at start on `/`, so its chunks are worth fetching with the entry's.
const FRONT_PAGE = 'src/pages/marketplace.tsx';
const PRELOAD = /\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g;

/**
 * Replaces the entry `<script type="module">` and its `<link rel="modulepreload">`s in built HTML with one deferred
 * script that adds them once the page has painted. `src` is that script's URL; `front` lists the front page's chunks
 * (those the entry does not already load are preloaded on `/` only).
 */
export function deferEntry(html: string, src: string, front: readonly string[] = []): string {
  const entries = [...html.matchAll(ENTRY)].map((m) => m[1]);
  if (entries.length !== 1) throw new Error(`expected one module entry script in index.html, found ${entries.length}`);
  const preload = [...html.matchAll(PRELOAD)].map((m) => m[1]);
  const frontOnly = front.filter((href) => href !== entries[0] && !preload.includes(href));
  const frontAttr = frontOnly.length ? ` data-front="${frontOnly.join(' ')}"` : '';
  const tag = `<script defer src="${src}" data-entry="${entries[0]}" data-preload="${preload.join(' ')}"${frontAttr}></script>`;
  return html.replace(PRELOAD, '').replace(ENTRY, `\n    ${tag}`);
}

/** The chunk built from `moduleSuffix` and every chunk it imports statically, as URLs under `base`. */
export function chunkClosure(bundle: Rolldown.OutputBundle, moduleSuffix: string, base: string): string[] {
  const chunks = Object.values(bundle).filter((f): f is Rolldown.OutputChunk => f.type === 'chunk');
  const root = chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(moduleSuffix));
  if (!root) return [];
  const seen = new Set<string>();
  const visit = (fileName: string) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    for (const dep of (bundle[fileName] as Rolldown.OutputChunk | undefined)?.imports ?? []) visit(dep);
  };
  visit(root.fileName);
  return [...seen].map((f) => `${base}${f}`);
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
        const front = chunkClosure(bundle, FRONT_PAGE, base);
        html.source = deferEntry(String(html.source), `${base}${this.getFileName(ref)}`, front);
      },
    },
  };
}
