// Runs inside the page: Playwright serialises installChatProbe, so it imports nothing and closes over nothing.
// Every time it records is the page's own performance.now() clock, so differences between them are exact.

// Only what the probe touches, declared here rather than with lib "dom" (which would apply to the whole
// node-side program, as e2e/page-provider.ts explains).
interface ProbeElement {
  textContent: string | null;
  querySelector(selector: string): ProbeElement | null;
}
interface ResourceEntry {
  name: string;
  initiatorType: string;
  startTime: number;
  responseEnd: number;
}
declare const window: EventTarget & Record<string, unknown>;
declare const document: { querySelectorAll(selector: string): Iterable<ProbeElement> };
declare const MutationObserver: new (callback: () => void) => {
  observe(target: unknown, options: { childList: boolean; subtree: boolean; characterData: boolean }): void;
};
declare const PerformanceObserver: new (callback: (list: { getEntries(): ResourceEntry[] }) => void) => {
  observe(options: { type: 'resource'; buffered: boolean }): void;
};

export const PROBE = '__benchChat';

/** Where an answer's badge settled (anything but "Verifying"), and when. */
export interface ProbeBadge {
  text: string;
  at: number;
}

/** What the probe has seen so far; `page.evaluate(readProbe)` returns it. */
export interface ChatProbe {
  /** `event.timeStamp` of every Enter keydown (no Shift), in order. */
  enters: number[];
  /** Badge of the answer at each index, once it is no longer "Verifying". */
  badges: (ProbeBadge | null)[];
  /** Every resource the page fetched: fetch() start and last byte of the response. */
  resources: { url: string; type: string; start: number; end: number }[];
  /** Every EIP-1193 request the app made to the injected wallet, with the moment it made it. */
  walletCalls: { method: string; at: number }[];
}

/** Init script: records Enter presses, resource timings, wallet calls and answer badges. Add it before the wallet's. */
export function installChatProbe(opts: { name: string; walletRdns: string }): void {
  const probe: ChatProbe = { enters: [], badges: [], resources: [], walletCalls: [] };
  Object.defineProperty(window, opts.name, { value: probe });

  // Capture phase on the window: before React's own listener on the root sees the key.
  window.addEventListener(
    'keydown',
    (e) => {
      const key = e as Event & { key?: string; shiftKey?: boolean };
      if (key.key === 'Enter' && !key.shiftKey) probe.enters.push(e.timeStamp);
    },
    true,
  );

  // Observers are not bound by the resource timing buffer (250 entries), which RPC polling would fill.
  new PerformanceObserver((list) => {
    for (const r of list.getEntries())
      probe.resources.push({ url: r.name, type: r.initiatorType, start: r.startTime, end: r.responseEnd });
  }).observe({ type: 'resource', buffered: true });

  // The wallet announces itself from its own init script, which runs after this one.
  window.addEventListener('eip6963:announceProvider', (e) => {
    const detail = (e as CustomEvent<{ info: { rdns: string }; provider: Record<string, unknown> }>).detail;
    const provider = detail.provider;
    if (detail.info.rdns !== opts.walletRdns || provider.__benchWrapped) return;
    const request = provider.request as (args: { method: string }) => Promise<unknown>;
    provider.request = (args: { method: string }) => {
      probe.walletCalls.push({ method: String(args?.method), at: performance.now() });
      return request.call(provider, args);
    };
    provider.__benchWrapped = true;
  });

  const FINAL_IGNORED = 'Verifying';
  new MutationObserver(() => {
    let i = 0;
    for (const answer of document.querySelectorAll('li[aria-label^="Answer from"]')) {
      if (!probe.badges[i]) {
        const text = answer.querySelector('button[aria-haspopup="dialog"]')?.textContent?.trim();
        if (text && text !== FINAL_IGNORED) probe.badges[i] = { text, at: performance.now() };
        else probe.badges[i] = null;
      }
      i++;
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

/** page.evaluate body: a copy of the probe's records. */
export function readProbe(name: string): ChatProbe {
  return window[name] as ChatProbe;
}

/** page.evaluate body: the page's clock against the system clock, for lining page times up with Node's. */
export function pageClock(): { epoch: number; now: number } {
  return { epoch: Date.now(), now: performance.now() };
}
