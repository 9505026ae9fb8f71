import { useCallback, useEffect, useRef, useState } from 'react';
import { useAccount } from 'wagmi';
import type { FineTuningService } from '../../lib/chain/services';
import { cancelDigest } from '../../lib/fine-tuning/digests';
import { fineTuningStore, type TaskNotes } from '../../lib/fine-tuning/draft-store';
import { noteSeen, startPolling } from '../../lib/fine-tuning/monitor';
import { cancelTask, getLog, getTask } from '../../lib/fine-tuning/provider-api';
import { isTaskId, type FtTask } from '../../lib/fine-tuning/task';
import { toAppError, type AppError } from '../../lib/errors';
import { useNetwork } from '../network/use-network';
import { endpointOf, useSignDigest } from './use-fine-tuning-chain';

/** What the app noted about one task for the connected wallet and network, and how to change it. */
export interface TaskNotesHandle {
  notes: TaskNotes | null;
  /** The saved notes were read (or could not be): before that, writing would overwrite them. */
  loaded: boolean;
  /** Applies `change` and saves; a null result changes nothing. Ignored until loaded. */
  update: (change: (notes: TaskNotes | null) => TaskNotes | null) => void;
  saveError: string | null;
}

interface NotesState {
  key: string;
  notes: TaskNotes | null;
  loaded: boolean;
}

/** The saved TaskNotes of task `id` for the connected wallet on the network shown. */
export function useTaskNotes(id: string): TaskNotesHandle {
  const { network } = useNetwork();
  const { address } = useAccount();
  const chainId = network.chain.id;
  const key = address ? `${chainId}:${address.toLowerCase()}:${id}` : '';
  const [state, setState] = useState<NotesState>({ key: '', notes: null, loaded: false });
  const [saveError, setSaveError] = useState<string | null>(null);
  const current = useRef(state);

  useEffect(() => {
    if (!address) return;
    let live = true;
    const settle = (notes: TaskNotes | null) => {
      if (!live) return;
      current.current = { key, notes, loaded: true };
      setState(current.current);
    };
    // Notes are a convenience (times seen, the last check): unreadable ones count as none.
    fineTuningStore()
      .loadTask({ chainId, address }, id)
      .then(settle, () => settle(null));
    return () => {
      live = false;
    };
  }, [chainId, address, id, key]);

  const update = useCallback(
    (change: (notes: TaskNotes | null) => TaskNotes | null) => {
      const now = current.current;
      if (!address || !now.loaded || now.key !== key) return;
      const next = change(now.notes);
      if (!next) return;
      current.current = { ...now, notes: next };
      setState(current.current);
      // Saves start in call order and IndexedDB runs them in that order: the last change wins.
      fineTuningStore()
        .saveTask({ chainId, address }, id, next)
        .then(
          () => setSaveError(null),
          (e: unknown) => setSaveError(toAppError(e).message),
        );
    },
    [chainId, address, id, key],
  );

  const mine = state.key === key && key !== '';
  return { notes: mine ? state.notes : null, loaded: mine && state.loaded, update, saveError };
}

/** The live state of a task: its last answer, the last failure, and since when the provider is unreachable. */
export interface TaskMonitor {
  task: FtTask | null;
  log: string;
  error: AppError | null;
  outage: { since: number } | null;
}

const sameTask = (a: FtTask | null, b: FtTask) =>
  !!a && a.progress === b.progress && a.updatedAt === b.updatedAt && a.fee === b.fee;

const EMPTY: TaskMonitor = { task: null, log: '', error: null, outage: null };

/**
 * Polls the task and its log (startPolling: 2 s, backing off while the provider fails) until it ends,
 * and notes the first time each state is seen. Restarts for another wallet, network or provider.
 */
export function useTaskMonitor(service: FineTuningService | undefined, id: string, notes: TaskNotesHandle) {
  const { network } = useNetwork();
  const { address } = useAccount();
  const url = service?.url;
  const session = `${network.chain.id}:${address ?? ''}:${url ?? ''}:${id}`;
  const [snap, setSnap] = useState<TaskMonitor & { session: string }>({ ...EMPTY, session: '' });

  useEffect(() => {
    if (url === undefined || !address || !isTaskId(id)) return;
    const endpoint = endpointOf(network, { url });
    return startPolling({
      read: async (signal) => {
        const task = await getTask(endpoint, address, id, signal);
        return { task, log: await getLog(endpoint, address, id, signal) };
      },
      // An unchanged answer keeps the same state: no redraw every 2 s of a task that is waiting.
      onRead: ({ task, log }) =>
        setSnap((s) =>
          s.session === session && !s.error && s.log === log && sameTask(s.task, task)
            ? s
            : { session, task, log, error: null, outage: null },
        ),
      // The last answer stays on screen during an outage: it is still the best we know.
      onFailure: (e, _failures, since) =>
        setSnap((s) => ({
          ...(s.session === session ? s : EMPTY),
          session,
          error: toAppError(e),
          outage: since === null ? null : { since },
        })),
    });
  }, [network, url, address, id, session]);

  const live = snap.session === session ? snap : EMPTY;
  const progress = live.task?.progress;
  const provider = service?.provider;
  const { update, loaded } = notes;
  useEffect(() => {
    if (progress && provider && loaded) update((n) => noteSeen(n, provider, progress, Date.now()));
  }, [progress, provider, loaded, update]);

  return { task: live.task, log: live.log, error: live.error, outage: live.outage } satisfies TaskMonitor;
}

/** Where a cancel request is: asking the wallet, sent, done, declined in the wallet, or refused. */
export type CancelState =
  { step: 'idle' | 'signing' | 'sending' | 'done' | 'declined' } | { step: 'failed'; error: AppError };

/** Cancels the task: one signature over cancelDigest(id), then the provider's cancel endpoint. */
export function useCancelTask(service: FineTuningService | undefined, id: string) {
  const { network } = useNetwork();
  const { address } = useAccount();
  const sign = useSignDigest();
  const [state, setState] = useState<CancelState>({ step: 'idle' });
  const busy = useRef(false);

  const cancel = useCallback(async () => {
    if (!service || !address || busy.current) return;
    busy.current = true;
    try {
      setState({ step: 'signing' });
      const signature = await sign(cancelDigest(id));
      setState({ step: 'sending' });
      await cancelTask(endpointOf(network, service), address, id, signature);
      setState({ step: 'done' });
    } catch (e) {
      const error = toAppError(e);
      setState(error.kind === 'user-rejected' ? { step: 'declined' } : { step: 'failed', error });
    } finally {
      busy.current = false;
    }
  }, [service, address, sign, id, network]);

  return { state, cancel, reset: () => setState({ step: 'idle' }) };
}
