import { firstRest, jsBy, type ChatJs, type FirstRest } from './chat-figures.js';
import type { AssetFile } from './first-visit.js';
import { median } from './stats.js';

// The image bench's page probe and what it makes of it. installImageProbe runs inside the page (Playwright serialises
// it, so it imports nothing and closes over nothing); every time it records is on the page's performance.now() clock,
// which starts at navigation, so each reload's gallery times are from its own navigation start.

interface ProbeElement {
  tagName: string;
  textContent: string | null;
  complete?: boolean;
  naturalWidth?: number;
  closest(selector: string): ProbeElement | null;
  querySelector(selector: string): ProbeElement | null;
}
interface ResourceEntry {
  name: string;
  initiatorType: string;
  startTime: number;
  responseEnd: number;
}
declare const window: EventTarget & Record<string, unknown>;
declare const document: EventTarget & { querySelectorAll(selector: string): ProbeElement[] };
declare const MutationObserver: new (callback: () => void) => {
  observe(target: unknown, options: { childList: boolean; subtree: boolean; characterData: boolean }): void;
};
declare const PerformanceObserver: new (callback: (list: { getEntries(): ResourceEntry[] }) => void) => {
  observe(options: { type: 'resource'; buffered: boolean }): void;
};

export const IMAGE_PROBE = '__benchImage';

/** What the probe has seen in this document; `page.evaluate(readImageProbe)` returns it. */
export interface ImageProbe {
  /** `event.timeStamp` of every click on the button reading "Generate", in order. */
  clicks: number[];
  /** Per generation (oldest first): when its article first held an `img`. */
  pictures: (number | null)[];
  /** Per generation: its picture's badge once no longer "Verifying", and when. */
  badges: ({ text: string; at: number } | null)[];
  resources: { url: string; type: string; start: number; end: number }[];
  /** DOMContentLoaded: the app's entry script has run. */
  contentLoaded: number | null;
  /** First tile in "Saved pictures" in the DOM, and the first thumbnail there loaded with a size. */
  firstTile: number | null;
  firstThumb: number | null;
  /** The app's `media-history:image` mark: the gallery asking the store for its list (read with the probe). */
  galleryOpen: number | null;
}

/** Init script: Generate clicks, each generation's picture and badge, resource timings, the gallery's first thumbnail. */
export function installImageProbe(name: string): void {
  const probe: ImageProbe = {
    clicks: [],
    pictures: [],
    badges: [],
    resources: [],
    contentLoaded: null,
    firstTile: null,
    firstThumb: null,
    galleryOpen: null,
  };
  Object.defineProperty(window, name, { value: probe });
  const GALLERY = 'ul[aria-label="Saved pictures"]';

  // Capture phase on the window: before React's own listener on the root sees the click.
  window.addEventListener(
    'click',
    (e) => {
      const button = (e.target as unknown as ProbeElement | null)?.closest?.('button');
      if (button?.textContent?.trim() === 'Generate') probe.clicks.push(e.timeStamp);
    },
    true,
  );
  // Observers are not bound by the resource timing buffer (250 entries), which RPC polling would fill.
  new PerformanceObserver((list) => {
    for (const r of list.getEntries())
      probe.resources.push({ url: r.name, type: r.initiatorType, start: r.startTime, end: r.responseEnd });
  }).observe({ type: 'resource', buffered: true });
  document.addEventListener('DOMContentLoaded', () => {
    probe.contentLoaded = performance.now();
  });
  // An element's load event skips the window, so listen on the document, capturing (it does not bubble).
  document.addEventListener(
    'load',
    (e) => {
      const img = e.target as unknown as ProbeElement;
      if (probe.firstThumb === null && img.tagName === 'IMG' && (img.naturalWidth ?? 0) > 0 && img.closest(GALLERY))
        probe.firstThumb = performance.now();
    },
    true,
  );

  new MutationObserver(() => {
    const now = performance.now();
    if (probe.firstTile === null && document.querySelectorAll(`${GALLERY} > li`).length > 0) probe.firstTile = now;
    // A thumbnail already decoded from the memory cache may never fire load after the observer sees it.
    if (probe.firstThumb === null)
      for (const img of document.querySelectorAll(`${GALLERY} img`))
        if (img.complete && (img.naturalWidth ?? 0) > 0) probe.firstThumb = now;
    // Newest run first: with one provider each click adds one article, so article i is generation n - 1 - i.
    const articles = document.querySelectorAll('section[aria-label="This visit\'s results"] > article');
    articles.forEach((article, i) => {
      const gen = articles.length - 1 - i;
      if (!probe.pictures[gen]) probe.pictures[gen] = article.querySelector('img') ? now : null;
      if (!probe.badges[gen]) {
        const text = article.querySelector('button[aria-haspopup="dialog"]')?.textContent?.trim();
        probe.badges[gen] = text && text !== 'Verifying' ? { text, at: now } : null;
      }
    });
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

/** page.evaluate body: the probe's records. */
export function readImageProbe(name: string): ImageProbe {
  const probe = window[name] as ImageProbe;
  return { ...probe, galleryOpen: performance.getEntriesByName('media-history:image')[0]?.startTime ?? null };
}

/** One Generate press, timed from the click on the page's clock. */
export interface GenerationFigures {
  clickToPictureMs: number;
  clickToBadgeMs: number;
  badge: string;
  /** Wallet prompts from the click to the badge (the first press signs the provider's access token). */
  walletRequests: string[];
}

/** One reload of /image with the seeded gallery, from its navigation start (ms). */
export interface GalleryReload {
  /** The document's DOMContentLoaded handlers done: the app's entry script has run. */
  contentLoadedMs: number | null;
  firstTileMs: number | null;
  firstThumbMs: number;
  /** When the gallery asked the store for its list, and from then to the first thumbnail loaded. */
  openMs: number | null;
  openToThumbMs: number;
  /** Tiles in "Saved pictures" once the first thumbnail had loaded (the gallery shows one page of them). */
  tiles: number;
}

/** What bench/results.json holds for the image bench. */
export interface ImageFigures {
  provider: string;
  account: string;
  accountIndex: number;
  generations: number;
  connectWalletRequests: string[];
  perGeneration: GenerationFigures[];
  clickToPictureMs: FirstRest;
  clickToBadgeMs: FirstRest;
  /** App JS received from opening /image until the first picture read "Verified"; null when it never did. */
  jsToFirstVerified: ChatJs | null;
  gallery: { seeded: number; stored: number; reloads: GalleryReload[]; firstThumbMedianMs: number | null };
  errors: string[];
  notes: string[];
}

/** What the run recorded, before it is lined up. */
export interface ImageRun {
  probe: ImageProbe;
  /** Wallet prompts per generation, from the click to the badge. */
  walletRequests: string[][];
  origin: string;
  files: AssetFile[];
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/** Per-generation times, first against the rest, and the JS loaded by the first verified picture. */
export function summarizeImage(
  run: ImageRun,
): Pick<ImageFigures, 'perGeneration' | 'clickToPictureMs' | 'clickToBadgeMs' | 'jsToFirstVerified' | 'notes'> {
  const { probe } = run;
  const notes: string[] = [];
  const perGeneration = run.walletRequests.map((walletRequests, i): GenerationFigures => {
    const click = probe.clicks[i];
    const picture = probe.pictures[i];
    const badge = probe.badges[i];
    if (click === undefined || !picture || !badge) throw new Error(`generation ${i + 1} was not seen whole`);
    if (badge.text !== 'Verified') notes.push(`picture ${i + 1} settled on "${badge.text}", not "Verified"`);
    return {
      clickToPictureMs: r1(picture - click),
      clickToBadgeMs: r1(badge.at - click),
      badge: badge.text,
      walletRequests,
    };
  });
  const first = probe.badges[0];
  const verified = first?.text === 'Verified' ? first.at : null;
  if (verified === null) notes.push('the first picture was not verified: no JS figure');
  // jsBy reads only the resource timings; the chat's other records have no counterpart here.
  const timings = { enters: [], badges: [], walletCalls: [], resources: probe.resources };
  const jsToFirstVerified = verified === null ? null : jsBy(timings, run.origin, run.files, verified);
  if (jsToFirstVerified && jsToFirstVerified.untimed > 0)
    notes.push(`${jsToFirstVerified.untimed} JS files had no resource timing and are left out of the JS figure`);
  return {
    perGeneration,
    clickToPictureMs: firstRest(perGeneration.map((g) => g.clickToPictureMs)),
    clickToBadgeMs: firstRest(perGeneration.map((g) => g.clickToBadgeMs)),
    jsToFirstVerified,
    notes,
  };
}

/** Median time from the gallery asking for its list to its first thumbnail, over the reloads; null when none. */
export function galleryMedian(reloads: GalleryReload[]): number | null {
  const m = median(reloads.map((r) => r.openToThumbMs));
  return Number.isFinite(m) ? r1(m) : null;
}
