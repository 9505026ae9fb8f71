import { getAddress, isAddress, type Address } from 'viem';
import { ProviderHttpError } from '../errors';

/** The happy path a fine-tuning task walks, in order (PROTOCOL.md, "Fine-tuning"). */
export const PROGRESS = [
  'Init',
  'SettingUp',
  'SetUp',
  'Training',
  'Trained',
  'Delivering',
  'Delivered',
  'UserAcknowledged',
  'Finished',
] as const;

/** A task state: the happy path plus the two ways out of it. */
export type Progress = (typeof PROGRESS)[number] | 'Failed' | 'Cancelled';

const FAILURES = ['Failed', 'Cancelled'] as const;
const KNOWN: ReadonlySet<string> = new Set([...PROGRESS, ...FAILURES]);
const TERMINAL: ReadonlySet<string> = new Set(['Finished', ...FAILURES]);
const step = (p: string) => PROGRESS.indexOf(p as (typeof PROGRESS)[number]);

/** Whether a provider's progress string is one of the states above (providers are untrusted). */
export function isKnownProgress(p: string): p is Progress {
  return KNOWN.has(p);
}

/** Finished, Failed and Cancelled tasks never change again. */
export function isTerminal(p: string): boolean {
  return TERMINAL.has(p);
}

/** A task can be cancelled until its deliverable is on chain: after that the provider is owed its fee. */
export function canCancel(p: string): boolean {
  return !isTerminal(p) && step(p) >= 0 && step(p) < step('Delivered');
}

/** The model is on chain and can be downloaded (Delivered, UserAcknowledged or Finished). */
export function deliveredOrLater(p: string): boolean {
  return step(p) >= step('Delivered');
}

const LABELS: Record<Progress, string> = {
  Init: 'Waiting for a training slot',
  SettingUp: 'Setting up the training machine',
  SetUp: 'Ready to train',
  Training: 'Training the model',
  Trained: 'Training finished',
  Delivering: 'Encrypting and delivering the model',
  Delivered: 'Model ready to download',
  UserAcknowledged: 'Download confirmed on chain',
  Finished: 'Finished and paid',
  Failed: 'Training failed',
  Cancelled: 'Cancelled',
};

/** One short plain phrase per state; an unknown state is shown as the provider named it. */
export function progressLabel(p: string): string {
  return isKnownProgress(p) ? LABELS[p] : `Provider state: ${p}`;
}

/** How long one state lasted: null where it was not reached (or, for a final state, has no length). */
export interface StateTime {
  state: Progress;
  startedAt: number | null;
  ms: number | null;
}

// `<ISO time> [<State>] message`, as the provider writes its task log.
const LOG_LINE = /^(\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)?) \[([A-Za-z]+)\]/;

/** When each state first appears in the log, in ms epoch. */
function logStarts(log: string): Map<string, number> {
  const starts = new Map<string, number>();
  for (const line of log.split('\n')) {
    const m = LOG_LINE.exec(line);
    const at = m?.[1] === undefined ? NaN : Date.parse(m[1]);
    if (m?.[2] && isKnownProgress(m[2]) && Number.isFinite(at) && !starts.has(m[2])) starts.set(m[2], at);
  }
  return starts;
}

/**
 * The time spent in each state, from the first log line of each state, else from when the app
 * first saw it (`observed`, ms epoch). A state lasts until the next state that started; the latest
 * one runs until `nowMs` unless it is final. Failed or Cancelled is appended once reached.
 */
export function stateTimes(log: string, observed: Partial<Record<string, number>>, nowMs: number): StateTime[] {
  const fromLog = logStarts(log);
  const startOf = (s: Progress) => fromLog.get(s) ?? observed[s] ?? null;
  const states: Progress[] = [...PROGRESS, ...FAILURES.filter((f) => startOf(f) !== null)];
  const starts = states.map(startOf);
  return states.map((state, i) => {
    const startedAt = starts[i] ?? null;
    if (startedAt === null) return { state, startedAt, ms: null };
    const next = starts.slice(i + 1).find((s): s is number => s !== null);
    if (next === undefined && isTerminal(state)) return { state, startedAt, ms: null };
    // Log times come from the provider's clock and observed ones from ours: never a negative length.
    return { state, startedAt, ms: Math.max(0, (next ?? nowMs) - startedAt) };
  });
}

/** A task as the provider reports it (`GET /v1/user/{user}/task[/{id}]`), checked. */
export interface FtTask {
  id: string;
  createdAt: string;
  updatedAt: string;
  userAddress: Address;
  preTrainedModelHash: string;
  datasetHash: string;
  trainingParams: string;
  fee: bigint;
  nonce: string;
  /** As the provider wrote it: check it with isKnownProgress before trusting it. */
  progress: string;
  deliverIndex?: string;
  outputRootHash?: string;
}

/** Task ids are UUIDs: lowercase hex and dashes. The CLI, file names and digests rely on that. */
export function isTaskId(id: string): boolean {
  return /^[0-9a-f-]{1,64}$/.test(id);
}

const malformed = (what: string) =>
  new ProviderHttpError('malformed', `The provider sent a task that is not well formed (${what}).`, {
    code: 'malformed',
  });

function text(v: unknown, field: string, max = 512): string {
  if (typeof v !== 'string' || v.length > max) throw malformed(field);
  return v;
}

// Go brokers may send integers as JSON numbers where the simulator sends strings.
function integer(v: unknown, field: string): string {
  const s = typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : v;
  if (typeof s !== 'string' || !/^\d{1,78}$/.test(s)) throw malformed(field);
  return s;
}

function time(v: unknown, field: string): string {
  const s = text(v, field, 64);
  if (!Number.isFinite(Date.parse(s))) throw malformed(field);
  return s;
}

/** Checks a task object from the provider; throws ProviderHttpError 'malformed' on any wrong field. */
export function parseTask(raw: unknown): FtTask {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw malformed('not an object');
  const t = raw as Record<string, unknown>;
  const id = text(t.id, 'id', 64);
  if (!isTaskId(id)) throw malformed('id');
  const user = text(t.userAddress, 'userAddress', 42);
  if (!isAddress(user, { strict: false })) throw malformed('userAddress');
  const task: FtTask = {
    id,
    createdAt: time(t.createdAt, 'createdAt'),
    updatedAt: time(t.updatedAt, 'updatedAt'),
    userAddress: getAddress(user),
    preTrainedModelHash: text(t.preTrainedModelHash, 'preTrainedModelHash'),
    datasetHash: text(t.datasetHash, 'datasetHash'),
    trainingParams: text(t.trainingParams, 'trainingParams', 64 * 1024),
    fee: BigInt(integer(t.fee, 'fee')),
    nonce: integer(t.nonce, 'nonce'),
    progress: text(t.progress, 'progress', 64),
  };
  if (t.deliverIndex !== undefined && t.deliverIndex !== null)
    task.deliverIndex = integer(t.deliverIndex, 'deliverIndex');
  if (t.outputRootHash !== undefined && t.outputRootHash !== null && t.outputRootHash !== '')
    task.outputRootHash = text(t.outputRootHash, 'outputRootHash');
  return task;
}
