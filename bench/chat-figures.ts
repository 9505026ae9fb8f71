import type { AssetFile } from './first-visit.js';
import type { ChatProbe } from './chat-probe.js';
import type { RpcCall } from './rpc-log.js';
import { median } from './stats.js';

/** One message, Enter to badge. Times in ms on the page's clock; RPC calls as `page:method` or `wallet:method`. */
export interface ChatMessageFigures {
  /** Requests that would show a wallet prompt, Enter to badge (TestWallet.requests). */
  walletRequests: string[];
  /** Every EIP-1193 call the app made to the wallet between Enter and the request leaving, prompting or not. */
  walletCallsBeforeRequest: string[];
  /** JSON-RPC calls to the devnet between Enter and the chat/completions request leaving. */
  rpcBeforeRequest: string[];
  /** JSON-RPC calls between the last byte of the answer and the badge. */
  rpcAfterStream: string[];
  /** Enter keydown to the chat/completions fetch() start. */
  sendToRequestMs: number;
  /** Request start to the last byte of the response (the simulator streams with 15 ms between events). */
  streamMs: number;
  /** Last byte of the response to the badge reading "Verified"; null when it settled on something else. */
  badgeAfterStreamMs: number | null;
  sendToBadgeMs: number;
  badge: string;
  /** chat/completions requests for this message (2 when the app renewed a refused token). */
  requests: number;
}

/** A figure for the first message (the signature, the SDK download) and for the ones after it. */
export interface FirstRest {
  first: number | null;
  restMedian: number | null;
  restMax: number | null;
}

export interface ChatJs {
  files: number;
  raw: number;
  gzip: number;
  sdk: boolean;
  ethers: boolean;
  /** App JS the page received without a resource timing entry, so not placed in time (left out). */
  untimed: number;
  list: Pick<AssetFile, 'path' | 'raw' | 'gzip'>[];
}

/** Where a message's moments fall: on the page's clock, and its offset to the system clock (ms). */
export interface MessageWindow {
  enter: number;
  offset: number;
  walletBefore: number;
  walletAfter: number;
}

const numOrNull = (x: number) => (Number.isFinite(x) ? x : null);
/** To 0.1 ms: the page's clock is coarsened to 0.1 ms anyway. */
const r1 = (x: number) => Math.round(x * 10) / 10;

export function firstRest(xs: (number | null)[]): FirstRest {
  const rest = xs.slice(1).filter((x): x is number => x !== null);
  return {
    first: xs[0] ?? null,
    restMedian: numOrNull(median(rest)),
    restMax: rest.length > 0 ? Math.max(...rest) : null,
  };
}

/** The path of the provider request the chat page sends. */
export const COMPLETIONS = '/v1/proxy/chat/completions';

/** Lines one message's window up with the probe's records, the RPC log and the wallet's prompts. */
export function messageFigures(
  probe: ChatProbe,
  index: number,
  w: MessageWindow,
  rpc: RpcCall[],
  walletMethods: string[],
): ChatMessageFigures {
  const badge = probe.badges[index];
  if (!badge) throw new Error(`answer ${index + 1} has no settled badge`);
  const sent = probe.resources.filter((r) => r.url.includes(COMPLETIONS) && r.start >= w.enter && r.start <= badge.at);
  if (sent.length === 0) throw new Error(`no chat/completions request timed for message ${index + 1}`);
  const start = Math.min(...sent.map((r) => r.start));
  const end = Math.max(...sent.map((r) => r.end));
  const between = (from: number, to: number) =>
    rpc
      .filter((c) => c.at >= from + w.offset && c.at <= to + w.offset)
      .flatMap((c) => c.methods.map((m) => `${c.from}:${m}`));
  return {
    walletRequests: walletMethods.slice(w.walletBefore, w.walletAfter),
    walletCallsBeforeRequest: probe.walletCalls.filter((c) => c.at >= w.enter && c.at <= start).map((c) => c.method),
    rpcBeforeRequest: between(w.enter, start),
    rpcAfterStream: between(end, badge.at),
    sendToRequestMs: r1(start - w.enter),
    streamMs: r1(end - start),
    badgeAfterStreamMs: badge.text === 'Verified' ? r1(badge.at - end) : null,
    sendToBadgeMs: r1(badge.at - w.enter),
    badge: badge.text,
    requests: sent.length,
  };
}

/** App JS (by path) whose last byte arrived by `until` on the page's clock. */
export function jsBy(probe: ChatProbe, origin: string, files: AssetFile[], until: number): ChatJs {
  const ends = new Map<string, number>();
  for (const r of probe.resources) {
    const url = new URL(r.url);
    if (url.origin === origin) ends.set(url.pathname, Math.min(ends.get(url.pathname) ?? Infinity, r.end));
  }
  // One entry per path, as first-visit.ts counts them.
  const js = [...new Map(files.filter((f) => f.type === 'js').map((f) => [f.path, f])).values()];
  const timed = js.filter((f) => ends.has(f.path));
  const loaded = timed.filter((f) => (ends.get(f.path) ?? Infinity) <= until).sort((a, b) => b.gzip - a.gzip);
  const sum = (pick: (f: AssetFile) => number) => loaded.reduce((n, f) => n + pick(f), 0);
  return {
    files: loaded.length,
    raw: sum((f) => f.raw),
    gzip: sum((f) => f.gzip),
    sdk: loaded.some((f) => f.sdk),
    ethers: loaded.some((f) => f.ethers),
    untimed: js.length - timed.length,
    list: loaded.map(({ path, raw, gzip }) => ({ path, raw, gzip })),
  };
}
