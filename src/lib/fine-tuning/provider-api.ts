import { getAddress, type Address, type Hex } from 'viem';
import { ProviderHttpError } from '../errors';
import { safeHref } from '../safe-url';
import { isTaskId, parseTask, type FtTask } from './task';

/** Where a fine-tuning provider answers: its service URL from chain, and whether local http is allowed (devnet). */
export interface FtEndpoint {
  url: string;
  allowLocalHttp: boolean;
}

/** A base model the provider trains (`GET /v1/model`, the SDK's CustomizedModel). */
export interface FtModel {
  name: string;
  hash: string;
  description: string;
  image?: string;
  dataType?: string;
  trainingScript?: string;
  tokenizer?: string;
}

/** The body of `POST /v1/user/{user}/task`; amounts and the nonce travel as decimal strings. */
export interface CreateTaskBody {
  userAddress: Address;
  datasetHash: string;
  preTrainedModelHash: string;
  trainingParams: string;
  fee: string;
  nonce: string;
  signature: Hex;
}

const MB = 1024 * 1024;
const MAX_JSON_BYTES = 5 * MB;
const MAX_LOG_BYTES = 2 * MB;
const MAX_USAGE_BYTES = 25 * MB;
const MAX_ERROR_BYTES = 64 * 1024;
const utf8 = new TextDecoder();

const malformed = (sentence: string, details?: string) =>
  new ProviderHttpError('malformed', sentence, { code: 'malformed', ...(details ? { details } : {}) });

/** `path` under the provider's service URL, which must be https (or local http on the devnet). */
export function providerUrl(ep: FtEndpoint, path: string): string {
  const safe = safeHref(ep.url, { allowLocalHttp: ep.allowLocalHttp });
  const details = ep.url.slice(0, 300);
  const sentence = "The provider's service address is not a safe https:// address.";
  if (!safe || /[?#]/.test(safe)) throw new ProviderHttpError('malformed', sentence, { code: 'unsafe-url', details });
  return safe.replace(/\/+$/, '') + path;
}

/** `/v1/user/{user}` with the checksummed address: the upload digest hashes this very text. */
export function userPath(user: Address): string {
  return `/v1/user/${encodeURIComponent(getAddress(user))}`;
}

/** A fetch or read failure as 'unreachable', or 'cancelled' when the caller's signal stopped it. */
export function transportError(e: unknown, signal?: AbortSignal): ProviderHttpError {
  if (e instanceof ProviderHttpError) return e;
  const details = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  if (signal?.aborted || (e instanceof Error && e.name === 'AbortError'))
    return new ProviderHttpError('cancelled', 'The request to the provider was cancelled.', { details, cause: e });
  return new ProviderHttpError('unreachable', 'The provider could not be reached.', { details, cause: e });
}

// Provider text is untrusted: one line, no control characters, bounded.
function plainSentence(raw: string): string {
  const line = raw
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const cut = line.length > 300 ? `${line.slice(0, 300)}…` : line;
  return /[.!?…]$/.test(cut) || cut === '' ? cut : `${cut}.`;
}

/** The error for a non-2xx answer, with the provider's own `{error}` sentence when it sent one. */
export function refusal(status: number, body: string): ProviderHttpError {
  let sentence = '';
  let code: string | undefined;
  try {
    const v: unknown = JSON.parse(body);
    if (v && typeof v === 'object') {
      const { error, code: c } = v as { error?: unknown; code?: unknown };
      // `{error: "..."}` from fine-tuning brokers; `{error: {message}}` OpenAI-style.
      const text = typeof error === 'string' ? error : (error as { message?: unknown } | null)?.message;
      if (typeof text === 'string') sentence = plainSentence(text);
      if (typeof c === 'string' && /^[\w.-]{1,64}$/.test(c)) code = c;
    }
  } catch {
    // Not JSON: the status alone speaks.
  }
  const message = sentence ? `The provider refused: ${sentence}` : `The provider refused the request (HTTP ${status}).`;
  const details = `HTTP ${status}: ${body.slice(0, 2000)}`;
  return new ProviderHttpError('refused', message, { status, details, ...(code ? { code } : {}) });
}

/** Reads a body up to `max` bytes: 'all' refuses more, 'tail' keeps the last `max` bytes. */
async function readBody(res: Response, max: number, keep: 'all' | 'tail', signal?: AbortSignal) {
  const tooLarge = () => malformed(`The provider's answer is larger than ${max / MB} MB.`);
  if (keep === 'all' && Number(res.headers.get('content-length')) > max) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let dropped = false;
  try {
    const reader = res.body?.getReader();
    for (let r = await reader?.read(); r && !r.done; r = await reader?.read()) {
      chunks.push(r.value);
      size += r.value.length;
      if (size > max && keep === 'all') {
        void reader?.cancel();
        throw tooLarge();
      }
      while (chunks.length > 1 && size - (chunks[0]?.length ?? 0) >= max) {
        size -= chunks.shift()?.length ?? 0;
        dropped = true;
      }
    }
  } catch (e) {
    throw transportError(e, signal);
  }
  const all = new Uint8Array(size);
  chunks.reduce((at, c) => (all.set(c, at), at + c.length), 0);
  return { bytes: size > max ? all.subarray(size - max) : all, truncated: dropped || size > max };
}

/** Sends one request; any non-2xx answer throws 'refused'. */
async function send(ep: FtEndpoint, path: string, init: RequestInit, signal?: AbortSignal): Promise<Response> {
  const url = providerUrl(ep, path);
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal });
  } catch (e) {
    throw transportError(e, signal);
  }
  if (res.ok) return res;
  const body = await readBody(res, MAX_ERROR_BYTES, 'tail', signal).catch(() => null);
  throw refusal(res.status, body ? utf8.decode(body.bytes) : '');
}

/** Parses JSON text from the provider, or throws 'malformed'. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw malformed("The provider's answer is not valid JSON.", text.slice(0, 2000));
  }
}

async function getJson(ep: FtEndpoint, path: string, signal?: AbortSignal, init: RequestInit = {}): Promise<unknown> {
  const { bytes } = await readBody(await send(ep, path, init, signal), MAX_JSON_BYTES, 'all', signal);
  return parseJsonText(utf8.decode(bytes));
}

const postJson = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

function parseModel(raw: unknown): FtModel {
  const m = (raw ?? {}) as Record<string, unknown>;
  const str = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;
  if (typeof raw !== 'object' || !str(m.name, 200) || !str(m.hash, 200) || m.name === '' || m.hash === '')
    throw malformed('The provider listed a model without a proper name and hash.');
  const model: FtModel = { name: m.name as string, hash: m.hash as string, description: '' };
  for (const key of ['description', 'image', 'dataType', 'trainingScript', 'tokenizer'] as const) {
    if (m[key] === undefined) continue;
    if (!str(m[key], 10_000)) throw malformed(`The provider's ${key} of ${model.name} is not text.`);
    model[key] = m[key] as string;
  }
  return model;
}

/** The base models the provider trains. */
export async function listModels(ep: FtEndpoint, signal?: AbortSignal): Promise<FtModel[]> {
  const list = await getJson(ep, '/v1/model', signal);
  if (!Array.isArray(list) || list.length > 1000) throw malformed('The provider did not answer a list of models.');
  return list.map(parseModel);
}

/** A model's usage package (a zip: README, example dataset, example training parameters). */
export async function modelUsage(ep: FtEndpoint, name: string, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer>> {
  const res = await send(ep, `/v1/model/desc/${encodeURIComponent(name)}`, {}, signal);
  return (await readBody(res, MAX_USAGE_BYTES, 'all', signal)).bytes;
}

/** How many tasks wait for the provider's training slot. */
export async function pendingCount(ep: FtEndpoint, signal?: AbortSignal): Promise<number> {
  const { bytes } = await readBody(await send(ep, '/v1/task/pending', {}, signal), 1024, 'all', signal);
  const text = utf8.decode(bytes).trim();
  // A bare number as text; a JSON number (or a quoted one) reads the same.
  const n = Number(/^"\d+"$/.test(text) ? text.slice(1, -1) : text);
  if (!/^"?\d{1,9}"?$/.test(text) || !Number.isSafeInteger(n))
    throw malformed('The provider did not answer a number of pending tasks.', text.slice(0, 200));
  return n;
}

/** Creates a training task; answers its id. */
export async function createTask(ep: FtEndpoint, user: Address, body: CreateTaskBody, signal?: AbortSignal) {
  const answer = (await getJson(ep, `${userPath(user)}/task`, signal, postJson(body))) as { id?: unknown } | null;
  if (typeof answer?.id !== 'string' || !isTaskId(answer.id))
    throw malformed('The provider did not answer the id of the new task.');
  return { id: answer.id };
}

const taskPath = (user: Address, id: string) => `${userPath(user)}/task/${encodeURIComponent(id)}`;

/** One task of this user. */
export async function getTask(ep: FtEndpoint, user: Address, id: string, signal?: AbortSignal): Promise<FtTask> {
  return parseTask(await getJson(ep, taskPath(user, id), signal));
}

/** The user's tasks at this provider, newest first; `latest` asks for the newest only. */
export async function listTasks(ep: FtEndpoint, user: Address, signal?: AbortSignal, latest = false) {
  const list = await getJson(ep, `${userPath(user)}/task${latest ? '?latest=true' : ''}`, signal);
  if (!Array.isArray(list) || list.length > 10_000) throw malformed('The provider did not answer a list of tasks.');
  return list.map(parseTask);
}

/** The task's log text: its last 2 MB, starting on a whole line when cut. */
export async function getLog(ep: FtEndpoint, user: Address, id: string, signal?: AbortSignal): Promise<string> {
  const res = await send(ep, `${taskPath(user, id)}/log`, {}, signal);
  const { bytes, truncated } = await readBody(res, MAX_LOG_BYTES, 'tail', signal);
  const text = utf8.decode(bytes);
  return truncated ? text.slice(text.indexOf('\n') + 1) : text;
}

/** Asks the provider to cancel the task; `signature` is over cancelDigest(id). */
export async function cancelTask(ep: FtEndpoint, user: Address, id: string, signature: Hex, signal?: AbortSignal) {
  const res = await send(ep, `${taskPath(user, id)}/cancel`, postJson({ signature }), signal);
  await readBody(res, MAX_JSON_BYTES, 'all', signal);
}
