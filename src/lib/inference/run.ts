import type { Service } from '../chain/services';
import { actualCost } from '../chat/cost';
import { toAppError } from '../errors';
import { InferenceError, stopReason, type InferenceProblem } from './errors';
import type { Exchange } from './exchange';

/** One request of any service type, as the page describes it. */
export interface InferenceTask<E extends Exchange> {
  service: Service;
  /** Stop (and stop-on-switch) for this request. */
  signal: AbortSignal;
  /** Sends the request with this Authorization header and reads the whole response, keeping its bytes. */
  send: (authorization: string, signal: AbortSignal) => Promise<E>;
  /** What the exchange cost in neuron; by default from the provider's token usage. */
  cost?: (exchange: E) => bigint | null;
}

export type InferenceOutcome<E extends Exchange> =
  | { kind: 'answered'; exchange: E; cost: bigint | null; latencyMs: number }
  | {
      kind: 'refused';
      /** The provider's (or the app's) reason; null when the request never left (e.g. a declined signature). */
      problem: InferenceProblem | null;
      message: string;
      /** The user declined the wallet's signature: their choice, shown neutrally. */
      declined: boolean;
    };

/** The request header for a provider; `forceNew` drops a cached one the provider refused and signs again. */
export type Authorize = (forceNew: boolean) => Promise<string>;

/**
 * Header, request and cost for one task: a token the provider refuses (401) is signed again once,
 * then reported. Never throws; a stop, a refusal and a declined signature come back as 'refused'.
 */
export async function runInference<E extends Exchange>(
  task: InferenceTask<E>,
  authorize: Authorize,
): Promise<InferenceOutcome<E>> {
  const t0 = performance.now();
  try {
    for (let attempt = 0; ; attempt++) {
      if (task.signal.aborted) throw new InferenceError({ kind: 'stopped', because: stopReason(task.signal) });
      const authorization = await authorize(attempt > 0);
      try {
        const exchange = await task.send(authorization, task.signal);
        const cost = task.cost ? task.cost(exchange) : exchange.usage ? actualCost(task.service, exchange.usage) : null;
        return { kind: 'answered', exchange, cost, latencyMs: Math.round(performance.now() - t0) };
      } catch (err) {
        if (err instanceof InferenceError && err.problem.kind === 'unauthorized' && attempt === 0) continue;
        throw err;
      }
    }
  } catch (err) {
    if (err instanceof InferenceError)
      return { kind: 'refused', problem: err.problem, message: err.message, declined: false };
    const app = toAppError(err);
    if (app.kind === 'user-rejected')
      return {
        kind: 'refused',
        problem: null,
        message: 'You declined the signature the provider needs. Nothing was sent.',
        declined: true,
      };
    return { kind: 'refused', problem: null, message: app.message, declined: false };
  }
}
