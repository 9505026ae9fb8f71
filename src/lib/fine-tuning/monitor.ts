import type { Address, Hex } from 'viem';
import { sameAddress } from '../address';
import { ProviderHttpError } from '../errors';
import { pollDelay } from './backoff';
import type { TaskNotes } from './draft-store';
import { isKnownProgress, isTerminal, PROGRESS, progressLabel, type FtTask, type StateTime } from './task';

/** One row of the progress timeline (the shape ProgressTimeline takes). */
export interface MonitorStep {
  state: string;
  label: string;
  status: 'done' | 'current' | 'waiting' | 'failed' | 'cancelled';
  ms: number | null;
}

const pathIndex = (p: string) => PROGRESS.indexOf(p as (typeof PROGRESS)[number]);

/** The timeline rows for `times` (from stateTimes) while the task is in `progress`. */
export function timelineSteps(times: readonly StateTime[], progress: string): MonitorStep[] {
  const stopped = progress === 'Failed' || progress === 'Cancelled';
  const rows: StateTime[] = [...times];
  // The provider's word is enough to show the ending, even before a time for it is known.
  if (stopped && !rows.some((t) => t.state === progress)) rows.push({ state: progress, startedAt: null, ms: null });
  const at = pathIndex(progress);
  return rows.map((t): MonitorStep => {
    const i = pathIndex(t.state);
    let status: MonitorStep['status'];
    if (t.state === 'Failed') status = 'failed';
    else if (t.state === 'Cancelled') status = 'cancelled';
    // Stopped or in a state we do not know: only what was reached is done, nothing is current.
    else if (stopped || at < 0) status = t.startedAt === null ? 'waiting' : 'done';
    else if (i < at || progress === 'Finished') status = 'done';
    else status = i === at ? 'current' : 'waiting';
    return { state: t.state, label: progressLabel(t.state), status, ms: t.ms };
  });
}

/**
 * The notes with `progress` marked as first seen at `nowMs`, or null when nothing changes (already
 * seen, or a state name we do not know: the provider's text is untrusted and is not stored).
 */
export function noteSeen(notes: TaskNotes | null, provider: string, progress: string, nowMs: number) {
  if (!isKnownProgress(progress) || notes?.seen[progress] !== undefined) return null;
  const seen = { ...notes?.seen, [progress]: nowMs };
  return { ...notes, provider, seen } satisfies TaskNotes;
}

/** How a downloaded file compares with the deliverable's root hash on chain. */
export type HashVerdict = 'match' | 'mismatch' | 'no-root';

/** keccak256 of the file against the chain's modelRootHash; 'no-root' while the chain has none (or zeros). */
export function hashVerdict(fileHash: Hex, root: Hex | null | undefined): HashVerdict {
  if (!root || /^0x0*$/i.test(root)) return 'no-root';
  return fileHash.toLowerCase() === root.toLowerCase() ? 'match' : 'mismatch';
}

/**
 * Whether the file's tags are signed by the provider's TEE signer. `unsigned`: the file holds no tag signature at
 * all; `pending`: it is being worked out; `unknown`: nothing is known (a check saved by an older version).
 */
export type SignerVerdict = 'match' | 'mismatch' | 'unsigned' | 'pending' | 'unknown';

/** `hasTags` is whether the file holds tags (undefined: unknown); `signer` is who they recover to (undefined: not yet). */
export function signerVerdict(
  hasTags: boolean | undefined,
  signer: Address | null | undefined,
  teeSigner: Address,
): SignerVerdict {
  if (hasTags === undefined) return 'unknown';
  if (!hasTags) return 'unsigned';
  if (signer === undefined) return 'pending';
  return signer && sameAddress(signer, teeSigner) ? 'match' : 'mismatch';
}

/** The provider published the model key: the deliverable is acknowledged and carries an encrypted secret. */
export function keyPublished(d: { acknowledged: boolean; encryptedSecret: Hex } | null | undefined): boolean {
  return !!d && d.acknowledged && d.encryptedSecret.length > 2;
}

/** How often to re-read the deliverable: while its hash or, after acknowledging, its key is awaited. */
export function deliverablePoll(d: { modelRootHash: Hex; acknowledged: boolean; encryptedSecret: Hex } | null) {
  if (!d || /^0x0*$/i.test(d.modelRootHash)) return 5000;
  return d.acknowledged && !keyPublished(d) ? 5000 : false;
}

/** A failure where the provider gave no useful answer: no connection, a timeout, or a 5xx from its gateway. */
export function isOutage(e: unknown): boolean {
  if (!(e instanceof ProviderHttpError)) return false;
  return e.kind === 'unreachable' || e.kind === 'cancelled' || (e.status !== null && e.status >= 500);
}

/** One poll's answer: the task, and its log read after it (so the log is never older than the state). */
export interface TaskRead {
  task: FtTask;
  log: string;
}

/** What startPolling needs; `now` and `timeoutMs` are injectable for tests. */
export interface PollOptions {
  read: (signal: AbortSignal) => Promise<TaskRead>;
  onRead: (r: TaskRead) => void;
  /** Each failure, with how many came in a row and since when the provider has been unreachable (or null). */
  onFailure: (error: unknown, failures: number, outageSince: number | null) => void;
  now?: () => number;
  timeoutMs?: number;
}

/**
 * Reads the task until it is Finished, Failed or Cancelled: every 2 s while the provider answers,
 * backing off with pollDelay after failures. One read at a time; a read that hangs is aborted after
 * `timeoutMs` and counts as an outage. The returned function stops it and aborts the read in flight.
 */
export function startPolling({ read, onRead, onFailure, now = Date.now, timeoutMs = 20_000 }: PollOptions) {
  const life = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let since: number | null = null;

  const tick = async () => {
    const request = new AbortController();
    const abort = () => request.abort();
    life.signal.addEventListener('abort', abort, { once: true });
    const limit = setTimeout(abort, timeoutMs);
    try {
      const answer = await read(request.signal);
      if (life.signal.aborted) return;
      failures = 0;
      since = null;
      onRead(answer);
      // The read that saw the end is the final one: its log was fetched after the state.
      if (isTerminal(answer.task.progress)) return;
    } catch (e) {
      if (life.signal.aborted) return;
      failures += 1;
      // A refusal is an answer: the provider is there, so no outage (but still a slower retry).
      since = isOutage(e) ? (since ?? now()) : null;
      onFailure(e, failures, since);
    } finally {
      clearTimeout(limit);
      life.signal.removeEventListener('abort', abort);
    }
    timer = setTimeout(() => void tick(), pollDelay(failures));
  };

  void tick();
  return () => {
    life.abort();
    clearTimeout(timer);
  };
}
