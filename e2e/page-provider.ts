// Runs inside the page: Playwright serialises these functions, so they import nothing and close over nothing.

// The page's window, declared here rather than with lib "dom": that lib would apply to the whole node-side
// program and change the fetch and Blob types the devnet code relies on.
declare const window: EventTarget & Record<string, unknown>;

export interface PageProviderOptions {
  /** EIP-6963 provider info. */
  info: { uuid: string; name: string; icon: string; rdns: string };
  /** The binding (page.exposeBinding) that carries each request to the wallet in the test process. */
  binding: string;
  /** The window function through which the test process dispatches provider events. */
  emitter: string;
  /** Also install the provider as window.ethereum, as MetaMask does; off by default (EIP-6963 only). */
  windowEthereum: boolean;
}

export interface RpcErrorShape {
  code: number;
  message: string;
  data?: unknown;
}

/** What the binding answers: the request's result, or an EIP-1193 error to throw in the page. */
export type BridgeReply = { result: unknown } | { error: RpcErrorShape };

/** Init script: a thin EIP-1193 provider whose requests go to the test process, announced via EIP-6963. */
export function installPageProvider(opts: PageProviderOptions): void {
  type Listener = (payload: unknown) => void;
  type Args = { method: string; params?: unknown };
  const listeners = new Map<string, Set<Listener>>();
  const provider = {
    async request(args: Args): Promise<unknown> {
      if (typeof args?.method !== 'string') throw Object.assign(new Error('Invalid request'), { code: -32600 });
      // Looked up per call: the binding is attached to the window independently of this script.
      const send = window[opts.binding] as (args: Args) => Promise<BridgeReply>;
      const reply = await send({ method: args.method, params: args.params });
      if ('error' in reply) throw Object.assign(new Error(reply.error.message), reply.error);
      return reply.result;
    },
    on(event: string, listener: Listener) {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set.add(listener));
      return provider;
    },
    removeListener(event: string, listener: Listener) {
      listeners.get(event)?.delete(listener);
      return provider;
    },
  };
  Object.defineProperty(window, opts.emitter, {
    value: (event: string, payload: unknown) => listeners.get(event)?.forEach((listener) => listener(payload)),
  });
  if (opts.windowEthereum) Object.defineProperty(window, 'ethereum', { value: provider, configurable: true });
  const detail = Object.freeze({ info: Object.freeze({ ...opts.info }), provider });
  const announce = () => window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail }));
  window.addEventListener('eip6963:requestProvider', announce);
  announce();
}

/** page.evaluate body: hands an event from the test process to the provider's listeners. */
export function dispatchProviderEvent([emitter, event, payload]: [string, string, unknown]): void {
  const emit = window[emitter] as ((event: string, payload: unknown) => void) | undefined;
  emit?.(event, payload);
}
