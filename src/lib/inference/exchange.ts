import type { Usage } from '../chat/sse';
import type { InferenceProblem } from './errors';

/**
 * What every inference request leaves behind, whatever the service type: the exact bytes both
 * ways (what the signature must cover), the chat ID the provider gave, and the provider's usage.
 */
export interface Exchange {
  requestBytes: Uint8Array;
  responseBytes: Uint8Array;
  chatId: string | null;
  usage: Usage | null;
  /** Set when the response is not whole (stopped, cut, malformed, timeout): never verified then. */
  problem: InferenceProblem | null;
}

/** Joins byte chunks into one array, in order. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
