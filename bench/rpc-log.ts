import type { Request } from '@playwright/test';
import { toFunctionSelector, type AbiFunction } from 'viem';
import { fineTuningAbi, inferenceAbi, ledgerAbi } from '../src/lib/chain/abi';

/** One JSON-RPC HTTP request: when it left (system clock, ms), who sent it, and the methods in its body. */
export interface RpcCall {
  at: number;
  from: 'page' | 'wallet';
  methods: string[];
}

const SELECTORS = new Map<string, string>(
  [...ledgerAbi, ...inferenceAbi, ...fineTuningAbi]
    .filter((item) => item.type === 'function')
    .map((item) => [toFunctionSelector(item as AbiFunction), item.name]),
);

/** `eth_call`s say which contract function they read (`eth_call getAccount`), so a hot path reads as a list. */
function label(call: unknown): string {
  if (!call || typeof call !== 'object' || !('method' in call)) return '?';
  const method = String(call.method);
  if (method !== 'eth_call' || !('params' in call) || !Array.isArray(call.params)) return method;
  const data = (call.params[0] as { data?: unknown; input?: unknown } | undefined)?.data;
  const selector = typeof data === 'string' ? data.slice(0, 10) : '';
  return `${method} ${SELECTORS.get(selector) ?? (selector || '?')}`;
}

/** The JSON-RPC methods in a request body (one call or a batch); ['?'] when the body is not JSON-RPC. */
export function rpcMethods(body: unknown): string[] {
  const calls = Array.isArray(body) ? body : [body];
  return calls.length > 0 ? calls.map(label) : ['?'];
}

/**
 * Records the JSON-RPC requests Node itself sends to `rpcUrl` while it runs: the E2E Wallet keeps its key
 * in Node and forwards the page's reads from here, so the browser never sees them. Call the result to stop.
 */
export function logNodeRpc(rpcUrl: string, calls: RpcCall[]): () => void {
  const origin = new URL(rpcUrl).origin;
  const original = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (URL.canParse(url) && new URL(url).origin === origin) {
      let body: unknown = null;
      try {
        body = typeof init?.body === 'string' ? JSON.parse(init.body) : null;
      } catch {
        // not JSON: recorded as '?'
      }
      calls.push({ at: Date.now(), from: 'wallet', methods: rpcMethods(body) });
    }
    return original(input, init);
  };
  return () => {
    globalThis.fetch = original;
  };
}

/** A request the page sent to the RPC, once its timing is known (Playwright fills it in with the response). */
export function pageRpcCall(req: Request): RpcCall | null {
  if (req.method() !== 'POST') return null;
  const at = req.timing().startTime;
  let body: unknown = null;
  try {
    body = req.postDataJSON();
  } catch {
    // not JSON: recorded as '?'
  }
  return at > 0 ? { at, from: 'page', methods: rpcMethods(body) } : null;
}
