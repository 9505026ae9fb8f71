import {
  firstRest,
  jsBy,
  messageFigures,
  type ChatJs,
  type ChatMessageFigures,
  type FirstRest,
} from './chat-figures.js';
import type { MessageWindow } from './chat-figures.js';
import type { ChatProbe } from './chat-probe.js';
import type { AssetFile } from './first-visit.js';
import type { RpcCall } from './rpc-log.js';
import { median } from './stats.js';

/** What bench/results.json holds for the chat bench. */
export interface ChatFigures {
  provider: string;
  account: string;
  /** Index of the account in the devnet manifest. */
  accountIndex: number;
  messages: number;
  /** Wallet prompts while connecting through "Connect wallet". */
  connectWalletRequests: string[];
  perMessage: ChatMessageFigures[];
  walletRequests: FirstRest;
  rpcBeforeRequest: FirstRest;
  sendToRequestMs: FirstRest;
  badgeAfterStreamMs: FirstRest;
  sendToBadgeMs: FirstRest;
  /** Every JSON-RPC call from the first Enter to the last badge, hot path or not (polls would show up here). */
  rpcWhileChatting: string[];
  /** App JS received from page load until the first answer read "Verified"; null when it never did. */
  jsToFirstVerified: ChatJs | null;
  /**
   * How far Playwright's wall-clock start and last byte of each chat request are from the page's own times
   * moved to the wall clock with the per-message offset (medians, ms): the RPC windows rely on that offset.
   */
  clock: { startMs: number | null; endMs: number | null };
  /** Page errors and console errors during the run. */
  errors: string[];
  /** What could not be measured reliably, in words. */
  notes: string[];
}

/** What the run recorded, before it is lined up. */
export interface ChatRun {
  probe: ChatProbe;
  windows: MessageWindow[];
  /** The page's own RPC requests; null for one Playwright gave no start time. */
  pageRpc: (RpcCall | null)[];
  /** Reads the E2E Wallet forwarded from Node. */
  nodeRpc: RpcCall[];
  /** Playwright's wall-clock timing of each chat/completions request. */
  completionsWall: { start: number; end: number | null }[];
  walletMethods: string[];
  origin: string;
  files: AssetFile[];
}

type Summary = Omit<
  ChatFigures,
  'provider' | 'account' | 'accountIndex' | 'messages' | 'connectWalletRequests' | 'errors'
>;

/** Per-message figures, first against the rest, the JS by the first "Verified", and notes on what is unreliable. */
export function summarize(run: ChatRun): Summary {
  const { probe, windows } = run;
  const notes: string[] = [];
  const untimed = run.pageRpc.filter((c) => c === null).length;
  if (untimed > 0) notes.push(`${untimed} page RPC requests had no start time and are not counted`);
  const rpc = [...run.pageRpc.filter((c): c is RpcCall => c !== null), ...run.nodeRpc].sort((a, b) => a.at - b.at);
  const perMessage = windows.map((w, i) => messageFigures(probe, i, w, rpc, run.walletMethods));

  // Nearest Playwright time to each page time moved to the wall clock (messages are seconds apart).
  const nearest = (pick: (t: ChatRun['completionsWall'][number]) => number | null, wall: number) => {
    const times = run.completionsWall.map(pick).filter((t): t is number => t !== null && t > 0);
    return times.length > 0 ? Math.min(...times.map((t) => Math.abs(t - wall))) : null;
  };
  const skew = (
    pick: (t: ChatRun['completionsWall'][number]) => number | null,
    at: (m: ChatMessageFigures) => number,
  ) =>
    median(
      perMessage.flatMap((m, i) => {
        const w = windows[i];
        const d = w ? nearest(pick, w.enter + at(m) + w.offset) : null;
        return d === null ? [] : [d];
      }),
    );
  const startMs = skew(
    (t) => t.start,
    (m) => m.sendToRequestMs,
  );
  const endMs = skew(
    (t) => t.end,
    (m) => m.sendToRequestMs + m.streamMs,
  );
  const clock = { startMs: Number.isFinite(startMs) ? startMs : null, endMs: Number.isFinite(endMs) ? endMs : null };
  if (clock.startMs === null) notes.push('could not check the page clock against the wall clock');
  else if (Math.max(clock.startMs, clock.endMs ?? 0) > 5)
    notes.push('page and wall clocks disagree by more than 5 ms: the RPC windows may be off by as much');

  const first = windows[0];
  const lastBadge = probe.badges[windows.length - 1];
  const lastOffset = windows.at(-1)?.offset ?? 0;
  const rpcWhileChatting =
    first && lastBadge
      ? rpc
          .filter((c) => c.at >= first.enter + first.offset && c.at <= lastBadge.at + lastOffset)
          .flatMap((c) => c.methods.map((m) => `${c.from}:${m}`))
      : [];

  const firstVerified = probe.badges[0]?.text === 'Verified' ? probe.badges[0].at : null;
  if (firstVerified === null) notes.push('the first answer was not verified: no JS figure');
  const jsToFirstVerified = firstVerified === null ? null : jsBy(probe, run.origin, run.files, firstVerified);
  if (jsToFirstVerified && jsToFirstVerified.untimed > 0)
    notes.push(`${jsToFirstVerified.untimed} JS files had no resource timing and are left out of the JS figure`);
  for (const [i, m] of perMessage.entries()) {
    if (m.badge !== 'Verified') notes.push(`answer ${i + 1} settled on "${m.badge}", not "Verified"`);
    // A renewed token sends the request twice: the app time is then to the first, the badge from the last.
    if (m.requests > 1) notes.push(`message ${i + 1} sent ${m.requests} chat/completions requests`);
  }
  return {
    perMessage,
    walletRequests: firstRest(perMessage.map((m) => m.walletRequests.length)),
    rpcBeforeRequest: firstRest(perMessage.map((m) => m.rpcBeforeRequest.length)),
    sendToRequestMs: firstRest(perMessage.map((m) => m.sendToRequestMs)),
    badgeAfterStreamMs: firstRest(perMessage.map((m) => m.badgeAfterStreamMs)),
    sendToBadgeMs: firstRest(perMessage.map((m) => m.sendToBadgeMs)),
    rpcWhileChatting,
    jsToFirstVerified,
    clock,
    notes,
  };
}
