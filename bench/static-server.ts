import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { contentSecurityPolicy, NETWORK_RPC_URLS } from '../build/csp.js';
import { readManifest, manifestPath } from '../devnet/manifest.js';
import { toDevnetConfig } from '../devnet/vite-plugin.js';
import { DEVNET_CONFIG_PATH } from '../src/config/devnet-config.js';

// The built app served the way the README tells a static host to serve it: the precompressed .br/.gz copies by
// Accept-Encoding (or, with compression off, every file as it is), long caching for hashed assets, every other path
// answered with index.html (the app routes in the browser), the policy as a header too, and /devnet.json from the
// running devnet's manifest, as the devnet's Vite plugin serves it.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServerOptions {
  /** The build's output directory. */
  dir: string;
  host: string;
  port: number;
  /** Send the .br/.gz copies to clients that accept them; false sends every file uncompressed. */
  compress: boolean;
  /** The devnet's directory, whose manifest /devnet.json describes. */
  devnetDir: string;
}

const isFile = (file: string) =>
  stat(file).then(
    (s) => s.isFile(),
    () => false,
  );

/** The file to send for a URL path: itself, or index.html for an app route; null for a missing file. */
async function resolveFile(dir: string, urlPath: string): Promise<string | null> {
  const file = path.join(dir, path.normalize(decodeURIComponent(urlPath)));
  if (!file.startsWith(dir + path.sep) && file !== dir) return null;
  if (await isFile(file)) return file;
  // A path with an extension asked for a file that is not there; anything else is a route of the app.
  return path.extname(urlPath) ? null : path.join(dir, 'index.html');
}

/** The copy to send: brotli, else gzip, when the client takes it and the build wrote it. */
async function pickEncoding(file: string, accept: string, compress: boolean) {
  if (compress) {
    for (const [token, ext] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ] as const) {
      if (new RegExp(`\\b${token}\\b`).test(accept) && (await isFile(file + ext)))
        return { path: file + ext, encoding: token };
    }
  }
  return { path: file, encoding: null };
}

async function handle(req: IncomingMessage, res: ServerResponse, opts: StaticServerOptions): Promise<void> {
  const urlPath = new URL(req.url ?? '/', 'http://x').pathname;
  if (urlPath === DEVNET_CONFIG_PATH) {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(toDevnetConfig(readManifest(manifestPath(opts.devnetDir)))));
    return;
  }
  const file = await resolveFile(opts.dir, urlPath);
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    return;
  }
  const sent = await pickEncoding(file, String(req.headers['accept-encoding'] ?? ''), opts.compress);
  const headers: Record<string, string> = {
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Content-Length': String((await stat(sent.path)).size),
    // Hashed names never change content; anything else (index.html, first-paint.js) is checked on each visit.
    'Cache-Control': urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  };
  if (opts.compress) headers.Vary = 'Accept-Encoding';
  if (sent.encoding) headers['Content-Encoding'] = sent.encoding;
  if (file.endsWith('.html'))
    headers['Content-Security-Policy'] = contentSecurityPolicy(
      { rpcUrls: NETWORK_RPC_URLS, devnet: true },
      { header: true },
    );
  res.writeHead(200, headers);
  if (req.method === 'HEAD') res.end();
  else createReadStream(sent.path).pipe(res);
}

/** Serves the build until the returned server is closed. */
export async function startStaticServer(opts: StaticServerOptions): Promise<Server> {
  const dir = path.resolve(opts.dir);
  const server = createServer((req, res) => {
    handle(req, res, { ...opts, dir }).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, resolve);
  });
  return server;
}

/** Stops accepting connections and closes the idle ones (Lighthouse's Chrome may keep some open). */
export function stopStaticServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
