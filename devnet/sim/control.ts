import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UserFaults } from './fault-scope.js';
import { mergeFaults, NO_FAULTS } from './faults.js';
import { HttpError, parseJson, readBody, sendJson } from './http.js';
import type { ProviderRuntime } from './runtime.js';

export interface ControlOptions {
  providers: ProviderRuntime[];
  userFaults: UserFaults;
  /** Extra control actions (e.g. jumping chain time) supplied by the devnet. */
  extra?: Record<string, (body: Record<string, unknown>) => Promise<unknown>>;
}

/** The `/_control` endpoint: faults (provider-wide or for one user), reset, settle and the devnet's extras. */
export function createControl(opts: ControlOptions) {
  const byName = new Map(opts.providers.map((p) => [p.spec.name, p]));
  const state = () => ({
    providers: Object.fromEntries(opts.providers.map((p) => [p.spec.name, p.faults])),
    users: opts.userFaults.snapshot(),
  });

  function setFaults(input: Record<string, unknown>): void {
    const { provider: target, user, ...patch } = input;
    const targets = target === '*' ? opts.providers : [byName.get(String(target))];
    if (targets.some((t) => !t)) throw new HttpError(404, `Unknown provider "${String(target)}"`, 'not_found');
    try {
      for (const t of targets as ProviderRuntime[]) {
        if (user === undefined) t.faults = mergeFaults(t.faults, patch);
        else opts.userFaults.merge(t.spec.name, user, patch);
      }
    } catch (e) {
      throw new HttpError(400, (e as Error).message, 'invalid_fault');
    }
  }

  return async function control(rest: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const action = rest.replace(/^\/+/, '');
    const body = req.method === 'POST' ? await readBody(req, 1024 * 1024) : Buffer.alloc(0);
    const input = body.length ? parseJson<Record<string, unknown>>(body) : {};
    if (req.method === 'GET' && action === '') return void sendJson(res, 200, state());
    if (req.method !== 'POST') throw new HttpError(405, 'Use POST for control actions', 'method_not_allowed');
    if (action === 'faults') {
      setFaults(input);
      return void sendJson(res, 200, state());
    }
    if (action === 'reset') {
      for (const p of opts.providers) {
        p.faults = { ...NO_FAULTS };
        p.limiter.reset();
      }
      opts.userFaults.clear();
      return void sendJson(res, 200, state());
    }
    if (action === 'settle') {
      const results = await Promise.all(opts.providers.map(async (p) => [p.spec.name, await p.fees.settle()] as const));
      return void sendJson(res, 200, Object.fromEntries(results));
    }
    const extra = opts.extra?.[action];
    if (extra) return void sendJson(res, 200, await extra(input));
    throw new HttpError(404, `Unknown control action "${action}"`, 'not_found');
  };
}
