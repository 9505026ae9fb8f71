import type { Plugin } from 'vite';
import { mainnet, testnet } from '../src/lib/chain/networks.js';

export interface CspInput {
  /** JSON-RPC endpoints the app reads chains from. */
  rpcUrls: readonly string[];
  /** A devnet build (VITE_DEVNET=1) also talks to the local chain and simulated providers over plain http. */
  devnet: boolean;
}

/** The origin of each RPC URL, in order and without repeats (a source expression names an origin, not a path). */
function origins(urls: readonly string[]): string[] {
  return [...new Set(urls.map((u) => new URL(u).origin))];
}

/**
 * The app's Content Security Policy as directive lists. Why each source is there:
 * - scripts and styles only from the app's own origin: no inline code, no eval, so injected markup cannot run;
 * - connect: the networks' RPCs, and any https: origin, because providers are registered on chain with their own
 *   URLs (the app only calls https: ones, and plain http to the local machine on the devnet);
 * - images: the app's own, plus blob: and data: for pictures it makes in the browser; audio and video: the app's
 *   own and blob: (the speech studio plays the audio it holds as a Blob);
 * - no plugins, no <base> rewriting, no form posts (every form is handled by script).
 */
export function cspDirectives({ rpcUrls, devnet }: CspInput): [string, string[]][] {
  const local = devnet ? ['http://127.0.0.1:*', 'http://localhost:*'] : [];
  return [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'blob:', 'data:']],
    ['media-src', ["'self'", 'blob:']],
    ['connect-src', ["'self'", ...origins(rpcUrls), 'https:', ...local]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
}

/** The policy as one string, for a `<meta http-equiv>`; `header` adds what only a response header can carry. */
export function contentSecurityPolicy(input: CspInput, { header = false } = {}): string {
  const directives = cspDirectives(input);
  // A page that may not be framed cannot be clickjacked; browsers ignore frame-ancestors in a meta tag.
  if (header) directives.push(['frame-ancestors', ["'none'"]]);
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** The networks the production build knows: their RPCs go into connect-src by name. */
export const NETWORK_RPC_URLS: readonly string[] = [mainnet, testnet].flatMap((n) => n.chain.rpcUrls.default.http);

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * Writes the policy into the built index.html, right after `<meta charset>` so it governs everything the page loads.
 * Builds only: the dev server injects inline scripts of its own (React refresh, the HMR client).
 */
export function cspPlugin(): Plugin {
  let devnet = false;
  return {
    name: 'csp',
    apply: 'build',
    configResolved(config) {
      devnet = config.env.VITE_DEVNET === '1';
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const policy = contentSecurityPolicy({ rpcUrls: NETWORK_RPC_URLS, devnet });
        const meta = `<meta http-equiv="Content-Security-Policy" content="${escapeAttr(policy)}" />`;
        const charset = /<meta charset="[^"]*"\s*\/?>/i;
        if (!charset.test(html)) throw new Error('index.html has no <meta charset>: the CSP meta tag goes after it.');
        return html.replace(charset, (m) => `${m}\n    ${meta}`);
      },
    },
  };
}
