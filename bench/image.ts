import { createHash } from 'node:crypto';
import { chromium, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import type { Address } from 'viem';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.js';
import { DevnetControl } from '../e2e/devnet-control.js';
import { TestWallet } from '../e2e/test-wallet.js';
import { fundChatAccount } from './chat-fund.js';
import { readAsset, type AssetFile } from './first-visit.js';
import {
  galleryMedian,
  IMAGE_PROBE,
  installImageProbe,
  readImageProbe,
  summarizeImage,
  type GalleryReload,
  type ImageFigures,
  type ImageProbe,
} from './image-summary.js';
import type { ServedApp } from './serve.js';

// The image studio in Chromium with the E2E Wallet: pictures made one after the other in one page, each timed from
// the click on Generate to the picture and to its badge; then the gallery reopened with hundreds of saved pictures.
const GENERATIONS = 5;
const ACCOUNT = 24;
const PROVIDER = 'image';
const SEEDED = 300;
const RELOADS = 3;
/** Lets the previous picture's save settle, as a person looking at it would. */
const PAUSE_MS = 500;
const BADGE_TIMEOUT_MS = 60_000;
// The same shim as bench/chat.ts: tsx's keepNames wraps inner functions in a `__name` helper the page lacks.
const KEEP_NAMES_SHIM =
  'globalThis.__name ??= (target, value) => Object.defineProperty(target, "name", { value, configurable: true });';

/** Funds an account, connects it in one page, makes the pictures, reopens the seeded gallery; closes the browser. */
export async function benchImage({ origin, manifest }: ServedApp): Promise<ImageFigures> {
  const provider = manifest.providers.find((p) => p.name === PROVIDER);
  if (!provider) throw new Error(`the devnet manifest has no ${PROVIDER} provider`);
  console.log(`bench: image, funding account ${ACCOUNT} with an ${PROVIDER} sub-account`);
  const account = await fundChatAccount(manifest, ACCOUNT, provider.address as Address);
  const devnet = new DevnetControl(manifest);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext()).newPage();
    const wallet = new TestWallet(manifest);
    const assets: Promise<AssetFile | null>[] = [];
    const errors: string[] = [];
    page.on('response', (res) => assets.push(readAsset(origin, res)));
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    await page.addInitScript({ content: KEEP_NAMES_SHIM });
    await page.addInitScript(installImageProbe, IMAGE_PROBE);
    await wallet.install(page, { account: ACCOUNT });
    await page.goto(`${origin}/image?provider=${provider.address}`);
    await page.getByRole('button', { name: 'Connect wallet' }).first().click();
    await page.getByRole('dialog', { name: 'Connect a wallet' }).getByRole('button', { name: 'E2E Wallet' }).click();
    // The price check before sending needs the sub-account read; without it Generate only says why not.
    const sub = page.getByRole('group', { name: 'Sub-account' }).filter({ hasText: /Sub-account [\d.]+ 0G/ });
    await sub.waitFor({ timeout: 15_000 });
    const connectWalletRequests = wallet.requests.map((r) => r.method);

    const generate = page.getByRole('button', { name: 'Generate', exact: true });
    const walletRequests: string[][] = [];
    for (let i = 0; i < GENERATIONS; i++) {
      console.log(`bench: image generation ${i + 1}/${GENERATIONS}`);
      // Each press starts with a full rate-limit bucket at the provider.
      await devnet.reset();
      await generate.waitFor();
      await new Promise((r) => setTimeout(r, PAUSE_MS));
      await page.getByRole('textbox', { name: 'Prompt' }).fill(`Bench picture ${i + 1}: a lighthouse at dusk`);
      const before = wallet.requests.length;
      await generate.click();
      await waitForPicture(page, i);
      walletRequests.push(wallet.requests.slice(before).map((r) => r.method));
    }
    const summary = summarizeImage({
      probe: await page.evaluate(readImageProbe, IMAGE_PROBE),
      walletRequests,
      origin,
      files: (await Promise.all(assets.slice())).filter((f): f is AssetFile => f !== null),
    });

    const png = thumbnailPng();
    const seed = {
      chainId: manifest.chainId,
      owner: wallet.address.toLowerCase(),
      count: SEEDED,
      png: [...png],
      sha256: createHash('sha256').update(png).digest('hex'),
    };
    const stored = await page.evaluate(seedGallery, seed);
    const reloads: GalleryReload[] = [];
    for (let r = 0; r < RELOADS; r++) {
      console.log(`bench: image gallery reload ${r + 1}/${RELOADS} (${stored} saved pictures)`);
      reloads.push(await reloadGallery(page));
    }
    return {
      provider: PROVIDER,
      account,
      accountIndex: ACCOUNT,
      generations: GENERATIONS,
      connectWalletRequests,
      ...summary,
      gallery: { seeded: SEEDED, stored, reloads, firstThumbMedianMs: galleryMedian(reloads) },
      errors,
    };
  } finally {
    await browser.close();
  }
}

// Page predicates are serialised on their own, so each reads the probe itself.
type Probes = Record<string, ImageProbe | undefined>;

/** Waits for generation `i`'s badge to settle, then checks by role that its article shows a picture and that badge. */
async function waitForPicture(page: Page, i: number): Promise<void> {
  const settled = ([name, index]: [string, number]) => !!(globalThis as unknown as Probes)[name]?.badges[index];
  const run = page.getByRole('region', { name: "This visit's results" }).getByRole('article').first();
  await page
    .waitForFunction(settled, [IMAGE_PROBE, i] as [string, number], { polling: 100, timeout: BADGE_TIMEOUT_MS })
    .catch(async (err: unknown) => {
      const shown = await run.innerText({ timeout: 1000 }).catch(() => '(no result shown)');
      throw new Error(`picture ${i + 1} got no settled badge: ${shown.slice(0, 300)}`, { cause: err });
    });
  const badge = (await page.evaluate(readImageProbe, IMAGE_PROBE)).badges[i];
  await run.getByRole('img').first().waitFor({ timeout: 1000 });
  await run.getByRole('button', { name: badge?.text, exact: true }).first().waitFor({ timeout: 1000 });
}

/** Reloads /image and waits for the first thumbnail of "Saved pictures" to load; times are from navigation start, and from the gallery asking for its list. */
async function reloadGallery(page: Page): Promise<GalleryReload> {
  await page.reload();
  const loaded = (name: string) => (globalThis as unknown as Probes)[name]?.firstThumb != null;
  await page.waitForFunction(loaded, IMAGE_PROBE, { polling: 100, timeout: 30_000 });
  const probe = await page.evaluate(readImageProbe, IMAGE_PROBE);
  const tiles = await page.getByRole('list', { name: 'Saved pictures' }).getByRole('listitem').count();
  const r1 = (x: number | null | undefined) => (typeof x === 'number' ? Math.round(x * 10) / 10 : null);
  return {
    contentLoadedMs: r1(probe.contentLoaded),
    firstTileMs: r1(probe.firstTile),
    firstThumbMs: r1(probe.firstThumb) ?? NaN,
    openMs: r1(probe.galleryOpen),
    openToThumbMs:
      probe.galleryOpen !== null && probe.firstThumb !== null ? (r1(probe.firstThumb - probe.galleryOpen) ?? NaN) : NaN,
    tiles,
  };
}

/** A 64×64 gradient PNG: the thumbnail of every seeded picture. */
function thumbnailPng(): Buffer {
  const side = 64;
  const png = new PNG({ width: side, height: side });
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) png.data.set([x * 4, y * 4, 160, 255], (y * side + x) * 4);
  return PNG.sync.write(png);
}

// Only what seedGallery touches of IndexedDB, declared here rather than with lib "dom" (see bench/chat-probe.ts).
interface IdbRequest<T> {
  result: T;
  error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
}
interface IdbStore {
  put(value: unknown, key?: unknown): void;
  createIndex(name: string, keyPath: string[]): void;
  index(name: string): {
    getAll(key: unknown): IdbRequest<Record<string, unknown>[]>;
    count(key: unknown): IdbRequest<number>;
  };
}
interface IdbTransaction {
  error: unknown;
  objectStore(name: string): IdbStore;
  oncomplete: (() => void) | null;
  onabort: (() => void) | null;
}
interface IdbDatabase {
  createObjectStore(name: string, options?: { keyPath: string }): IdbStore;
  transaction(stores: string[], mode: 'readonly' | 'readwrite'): IdbTransaction;
  close(): void;
}
declare const indexedDB: {
  open(name: string, version: number): IdbRequest<IdbDatabase> & { onupgradeneeded: (() => void) | null };
};

/**
 * page.evaluate body: `count` more saved pictures for this wallet, written as src/lib/media/store.ts keeps them (an
 * `items` row modelled on one the studio saved, a `media` and a `thumb` Blob); resolves to how many it now has.
 */
async function seedGallery(seed: { chainId: number; owner: string; count: number; png: number[]; sha256: string }) {
  const done = <T>(req: IdbRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const open = indexedDB.open('og-marketplace-media', 1);
  // Only if the studio never opened it: the same stores and index the app creates.
  open.onupgradeneeded = () => {
    open.result
      .createObjectStore('items', { keyPath: 'id' })
      .createIndex('by-wallet-kind', ['chainId', 'owner', 'kind']);
    open.result.createObjectStore('blobs');
  };
  const db = await done(open);
  const byWallet = (tx: IdbTransaction) => tx.objectStore('items').index('by-wallet-kind');
  const key = [seed.chainId, seed.owner, 'image'];
  try {
    const template = (await done(byWallet(db.transaction(['items'], 'readonly')).getAll(key)))[0];
    if (!template) throw new Error('the studio saved no picture to model the seeded ones on');
    const tx = db.transaction(['items', 'blobs'], 'readwrite');
    const now = Date.now();
    for (let i = 0; i < seed.count; i++) {
      const id = `bench-gallery-${i + 1}`;
      const item = { ...template, id, createdAt: now - i, prompt: `Bench gallery picture ${i + 1}` };
      const facts = { mediaType: 'image/png', width: 64, height: 64, bytes: seed.png.length, mediaSha256: seed.sha256 };
      tx.objectStore('items').put({ ...item, ...facts });
      for (const role of ['media', 'thumb'])
        tx.objectStore('blobs').put(new Blob([new Uint8Array(seed.png)], { type: 'image/png' }), [id, role]);
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error);
    });
    return await done(byWallet(db.transaction(['items'], 'readonly')).count(key));
  } finally {
    db.close();
  }
}
