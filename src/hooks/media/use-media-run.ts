import { useCallback, useRef, useState } from 'react';
import type { Service } from '../../lib/chain/services';
import type { StoredVerification } from '../../lib/chat/types';
import type { InferenceProblem } from '../../lib/inference/errors';
import type { Exchange } from '../../lib/inference/exchange';
import type { InferenceOutcome } from '../../lib/inference/run';
import { hashOnce } from '../../lib/media/hash';
import type { MediaItem, MediaStore } from '../../lib/media/types';
import { useInference, type RunRequest } from '../inference/use-inference';

/** What every studio run holds, whatever it makes; a studio's run adds what it shows. */
export interface MediaRunBase<Ask, E extends Exchange> {
  id: string;
  /** The network it was sent on: another network's results are not shown. */
  chainId: number;
  service: Service;
  ask: Ask;
  status: 'sending' | 'verifying' | 'done' | 'refused';
  /** Why nothing came back (a refusal, a declined signature, a bad answer); null otherwise. */
  message: string | null;
  declined: boolean;
  verification: StoredVerification | null;
  cost: bigint | null;
  /** Press to badge, in ms. */
  msToBadge: number | null;
  /** The exact bytes, kept for this visit so "Download with proof" can include them. */
  exchange: E | null;
  /** A saving failure (e.g. the storage quota), or what was not kept: the result is shown either way. */
  saveError: string | null;
}

/** One request through the pipeline: the studio gives how to send it and what it cost. */
export type SendOnce<E extends Exchange> = (task: Pick<RunRequest<E>, 'send' | 'cost'>) => Promise<InferenceOutcome<E>>;

/** The fields of a saved item every studio fills the same way, from the exchange and its badge. */
export type SavedFacts = Pick<
  MediaItem,
  | 'chainId'
  | 'owner'
  | 'createdAt'
  | 'provider'
  | 'model'
  | 'serviceUrl'
  | 'chatId'
  | 'verification'
  | 'latencyMs'
  | 'requestSha256'
  | 'responseSha256'
>;

/** What a studio read from an answer: shown at once, and saved once the badge is known. */
export interface MediaAnswer<R> {
  /** Shown before the badge (the studio times its first result here). */
  shown: Partial<R>;
  /** The items to save, and a note for the run when something is not kept; throwing means nothing was saved. */
  save: (facts: SavedFacts) => { puts: Parameters<MediaStore['put']>[]; note?: string };
}

/** What differs between studios: the fields only their run has, sending the request, and reading the answer. */
export interface MediaStudio<Ask, E extends Exchange, R extends MediaRunBase<Ask, E>> {
  /** This studio's own fields before anything arrives. */
  fresh: (ask: Ask) => Omit<R, keyof MediaRunBase<Ask, E>>;
  /** Sends through `once` (again, if the studio knows a refusal it can work around); `shown` joins the run once read. */
  send: (
    service: Service,
    ask: Ask,
    once: SendOnce<E>,
  ) => Promise<{ outcome: InferenceOutcome<E>; shown?: Partial<R> }>;
  /** Reads the answer for this run (`cost`: the outcome's, `ms`: since the press); throws with a sentence if not one. */
  read: (exchange: E, at: { run: R; cost: bigint | null; ms: () => number }) => Promise<MediaAnswer<R>>;
}

/**
 * One studio run skeleton over the one inference pipeline: the run list, preflight (`check`), the cached header and
 * Stop (also on a network or account change) through useInference, the shared verifier, cost, and saving to history
 * with the "saving failed" note. The studio only builds its request and reads its answer.
 */
export function useMediaRun<Ask, E extends Exchange, R extends MediaRunBase<Ask, E>>({
  store,
  chainId,
  owner,
  onRefused,
  studio,
}: {
  store: MediaStore;
  chainId: number;
  owner: string | undefined;
  onRefused?: (problem: InferenceProblem, service: Service) => void;
  studio: MediaStudio<Ask, E, R>;
}) {
  const inference = useInference({ onRefused });
  const [runs, setRuns] = useState<R[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  // A patch of the shared fields or of the studio's own; either merges into the run it names.
  const update = useCallback((id: string, patch: Partial<R> | Partial<MediaRunBase<Ask, E>>) => {
    setRuns((all) => all.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  }, []);

  /** Starts one request; returns its run id. The caller has run `check` first. */
  async function start(service: Service, ask: Ask): Promise<string> {
    const id = crypto.randomUUID();
    const t0 = performance.now();
    const ms = () => Math.round(performance.now() - t0);
    const controller = new AbortController();
    controllers.current.set(id, controller);
    const base: MediaRunBase<Ask, E> = {
      id,
      chainId,
      service,
      ask,
      status: 'sending',
      message: null,
      declined: false,
      verification: null,
      cost: null,
      msToBadge: null,
      exchange: null,
      saveError: null,
    };
    // The studio's fields are exactly R's others, which TypeScript cannot see through the spread of a generic.
    const run = { ...base, ...studio.fresh(ask) } as R;
    setRuns((all) => [run, ...all]);
    const sent = await studio.send(service, ask, (task) => inference.run<E>({ ...task, service, controller }));
    controllers.current.delete(id);
    const { outcome } = sent;
    if (outcome.kind === 'refused') {
      update(id, { status: 'refused', message: outcome.message, declined: outcome.declined });
      return id;
    }
    const { exchange, cost } = outcome;
    let answer: MediaAnswer<R>;
    try {
      answer = await studio.read(exchange, { run: { ...run, ...sent.shown }, cost, ms });
    } catch (err) {
      update(id, { status: 'refused', message: (err as Error).message, exchange, cost });
      return id;
    }
    update(id, { ...sent.shown, ...answer.shown, status: 'verifying', exchange, cost });
    const verification = await inference.verify(service, exchange);
    const msToBadge = ms();
    let saveError: string | null = null;
    if (owner) {
      try {
        const { puts, note } = answer.save({
          chainId,
          owner,
          createdAt: Date.now(),
          provider: service.provider,
          model: service.model,
          serviceUrl: service.url,
          chatId: exchange.chatId,
          verification,
          latencyMs: outcome.latencyMs,
          requestSha256: hashOnce(verification.localRequestHash, exchange.requestBytes),
          responseSha256: hashOnce(verification.localResponseHash, exchange.responseBytes),
        });
        for (const put of puts) await store.put(...put);
        saveError = note ?? null;
      } catch (err) {
        saveError = (err as Error).message;
      }
    }
    update(id, { status: 'done', verification, msToBadge, saveError });
    return id;
  }

  /** Stops a request still being sent; what it cost so far is the provider's to say. */
  const stop = (id: string) => controllers.current.get(id)?.abort();

  return { runs, start, stop, check: inference.check };
}
