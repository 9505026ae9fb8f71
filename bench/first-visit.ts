import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Response } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.js';

// What a first visit to a route downloads: the app's own JS and CSS, raw and gzipped, and whether the SDK
// or ethers came with it (they belong to the pages that use them, behind dynamic imports).

// Literal strings that survive minification (identifiers do not): an SDK verifier message, and an ethers
// error from its core byte helpers, which every ethers import pulls in. Neither occurs in viem or the app.
const SDK_MARKER = 'Verification Method: DStack TEE';
const ETHERS_MARKER = 'invalid BytesLike value';

export interface AssetFile {
  path: string;
  type: 'js' | 'css';
  raw: number;
  gzip: number;
  sdk: boolean;
  ethers: boolean;
}

export interface AssetTotals {
  files: number;
  raw: number;
  gzip: number;
}

export interface RouteFigures {
  route: string;
  js: AssetTotals;
  css: AssetTotals;
  /** Paths of the chunks that contain the SDK, resp. ethers. */
  sdkChunks: string[];
  ethersChunks: string[];
  /** False when the page never went 500 ms without requests (within 15 s): the figures may then be partial. */
  networkIdle: boolean;
  /** Uncaught exceptions and console errors: a page that failed loads less than one that works. */
  errors: string[];
  files: AssetFile[];
}

/** Visits each route of the app at `origin` in a fresh browser context; closes the browser however it ends. */
export async function measureRoutes(origin: string, routes: string[]): Promise<RouteFigures[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const figures: RouteFigures[] = [];
    for (const route of routes) {
      console.log(`bench: first visit to ${route}`);
      figures.push(await firstVisit(browser, origin, route));
    }
    return figures;
  } finally {
    await browser.close();
  }
}

/** A fresh context has an empty cache, so every JS and CSS file the route needs comes over the wire. */
async function firstVisit(browser: Browser, origin: string, route: string): Promise<RouteFigures> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const pending: Promise<AssetFile | null>[] = [];
    const errors: string[] = [];
    page.on('response', (res) => pending.push(readAsset(origin, res)));
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    await page.goto(`${origin}${route}`, { waitUntil: 'load' });
    const networkIdle = await page.waitForLoadState('networkidle', { timeout: 15_000 }).then(
      () => true,
      () => false,
    );
    const byPath = new Map<string, AssetFile>();
    for (const file of await Promise.all(pending)) if (file) byPath.set(file.path, file);
    const files = [...byPath.values()].sort((a, b) => b.gzip - a.gzip);
    const totals = (type: AssetFile['type']): AssetTotals => {
      const of = files.filter((f) => f.type === type);
      const sum = (pick: (f: AssetFile) => number) => of.reduce((n, f) => n + pick(f), 0);
      return { files: of.length, raw: sum((f) => f.raw), gzip: sum((f) => f.gzip) };
    };
    return {
      route,
      js: totals('js'),
      css: totals('css'),
      sdkChunks: files.filter((f) => f.sdk).map((f) => f.path),
      ethersChunks: files.filter((f) => f.ethers).map((f) => f.path),
      networkIdle,
      errors,
      files,
    };
  } finally {
    await context.close();
  }
}

/** A JS or CSS response of the app's origin with its sizes (gzip -9 computed here); null for anything else. */
export async function readAsset(origin: string, res: Response): Promise<AssetFile | null> {
  const url = new URL(res.url());
  if (url.origin !== origin || res.status() !== 200) return null;
  const contentType = res.headers()['content-type'] ?? '';
  const type = /javascript/.test(contentType) ? 'js' : /text\/css/.test(contentType) ? 'css' : null;
  if (!type) return null;
  const body = await res.body().catch(() => null);
  if (!body) return null;
  const text = type === 'js' ? body.toString('utf8') : '';
  return {
    path: url.pathname,
    type,
    raw: body.length,
    // The body as decoded, gzipped here at level 9: the build's own .gz copies are made the same way.
    gzip: gzipSync(body, { level: 9 }).length,
    sdk: text.includes(SDK_MARKER),
    ethers: text.includes(ETHERS_MARKER),
  };
}
