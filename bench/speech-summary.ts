import { firstRest, jsBy, type ChatJs, type FirstRest } from './chat-figures.js';
import type { AssetFile } from './first-visit.js';

// The speech bench's page probe and what it makes of it. installSpeechProbe runs inside the page (Playwright
// serialises it, so it imports nothing and closes over nothing); its times are on the page's performance.now() clock.

interface ProbeElement {
  textContent: string | null;
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

export const SPEECH_PROBE = '__benchSpeech';

/** What the probe has seen in this document; `page.evaluate(readSpeechProbe)` returns it. */
export interface SpeechProbe {
  /** `event.timeStamp` of every click on the button reading "Transcribe", in order. */
  clicks: number[];
  /** Per press (oldest first): when its article first showed the transcript. */
  texts: (number | null)[];
  /** Per press: its transcript's badge once no longer "Verifying", and when. */
  badges: ({ text: string; at: number } | null)[];
  resources: { url: string; type: string; start: number; end: number }[];
}

/** Init script: Transcribe clicks, each press's transcript text and badge, resource timings. */
export function installSpeechProbe(name: string): void {
  const probe: SpeechProbe = { clicks: [], texts: [], badges: [], resources: [] };
  Object.defineProperty(window, name, { value: probe });

  // Capture phase on the window: before React's own listener on the root sees the click.
  window.addEventListener(
    'click',
    (e) => {
      const button = (e.target as unknown as ProbeElement | null)?.closest?.('button');
      if (button?.textContent?.trim() === 'Transcribe') probe.clicks.push(e.timeStamp);
    },
    true,
  );
  // Observers are not bound by the resource timing buffer (250 entries), which RPC polling would fill.
  new PerformanceObserver((list) => {
    for (const r of list.getEntries())
      probe.resources.push({ url: r.name, type: r.initiatorType, start: r.startTime, end: r.responseEnd });
  }).observe({ type: 'resource', buffered: true });

  // The transcript's segments (or, without segments, its Copy button, rendered with the text) mark the text shown.
  const TEXT = 'ol[aria-label="Segments"] li, button[title="Copy transcript"]';
  new MutationObserver(() => {
    const now = performance.now();
    // Newest first: with one provider each press adds one article, so article i is press n - 1 - i.
    const articles = document.querySelectorAll('section[aria-label="This visit\'s transcripts"] > article');
    articles.forEach((article, i) => {
      const press = articles.length - 1 - i;
      if (!probe.texts[press]) probe.texts[press] = article.querySelector(TEXT) ? now : null;
      if (!probe.badges[press]) {
        const text = article.querySelector('button[aria-haspopup="dialog"]')?.textContent?.trim();
        probe.badges[press] = text && text !== 'Verifying' ? { text, at: now } : null;
      }
    });
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

/** page.evaluate body: the probe's records. */
export function readSpeechProbe(name: string): SpeechProbe {
  return window[name] as SpeechProbe;
}

/** One Transcribe press, timed from the click on the page's clock. */
export interface PressFigures {
  clickToTextMs: number;
  clickToBadgeMs: number;
  badge: string;
  /** Wallet prompts from the click to the badge (the first press signs the provider's access token). */
  walletRequests: string[];
}

/** The app's own work on a large upload, timed in Node with the app's modules (ms per run, and the median). */
export interface OverheadFigures {
  /** The audio: a WAV tone of this many bytes. */
  audioBytes: number;
  /** The multipart body built from it. */
  bodyBytes: number;
  buildMs: number[];
  sha256Ms: number[];
  buildMedianMs: number;
  sha256MedianMs: number;
}

/** What bench/results.json holds for the speech bench. */
export interface SpeechFigures {
  provider: string;
  account: string;
  accountIndex: number;
  /** The uploaded file: a WAV tone, 16 kHz mono 16-bit. */
  audio: { name: string; seconds: number; bytes: number };
  presses: number;
  connectWalletRequests: string[];
  perPress: PressFigures[];
  clickToTextMs: FirstRest;
  clickToBadgeMs: FirstRest;
  /** App JS received from opening /speech until the first transcript read "Verified"; null when it never did. */
  jsToFirstVerified: ChatJs | null;
  overhead: OverheadFigures;
  errors: string[];
  notes: string[];
}

/** What the run recorded, before it is lined up. */
export interface SpeechRun {
  probe: SpeechProbe;
  /** Wallet prompts per press, from the click to the badge. */
  walletRequests: string[][];
  origin: string;
  files: AssetFile[];
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/** Per-press times, first against the rest, and the JS loaded by the first verified transcript. */
export function summarizeSpeech(
  run: SpeechRun,
): Pick<SpeechFigures, 'perPress' | 'clickToTextMs' | 'clickToBadgeMs' | 'jsToFirstVerified' | 'notes'> {
  const { probe } = run;
  const notes: string[] = [];
  if (probe.clicks.length !== run.walletRequests.length)
    throw new Error(`expected ${run.walletRequests.length} Transcribe clicks, the page saw ${probe.clicks.length}`);
  const perPress = run.walletRequests.map((walletRequests, i): PressFigures => {
    const click = probe.clicks[i];
    const text = probe.texts[i];
    const badge = probe.badges[i];
    if (click === undefined || !text || !badge) throw new Error(`transcription ${i + 1} was not seen whole`);
    if (badge.text !== 'Verified') notes.push(`transcript ${i + 1} settled on "${badge.text}", not "Verified"`);
    return { clickToTextMs: r1(text - click), clickToBadgeMs: r1(badge.at - click), badge: badge.text, walletRequests };
  });
  const first = probe.badges[0];
  const verified = first?.text === 'Verified' ? first.at : null;
  if (verified === null) notes.push('the first transcript was not verified: no JS figure');
  // jsBy reads only the resource timings; the chat's other records have no counterpart here.
  const timings = { enters: [], badges: [], walletCalls: [], resources: probe.resources };
  const jsToFirstVerified = verified === null ? null : jsBy(timings, run.origin, run.files, verified);
  if (jsToFirstVerified && jsToFirstVerified.untimed > 0)
    notes.push(`${jsToFirstVerified.untimed} JS files had no resource timing and are left out of the JS figure`);
  return {
    perPress,
    clickToTextMs: firstRest(perPress.map((p) => p.clickToTextMs)),
    clickToBadgeMs: firstRest(perPress.map((p) => p.clickToBadgeMs)),
    jsToFirstVerified,
    notes,
  };
}
