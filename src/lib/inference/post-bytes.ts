import { InferenceError, problemFromResponse, stopReason, type InferenceProblem } from './errors';

export interface PostBytesRequest {
  url: string;
  /** Exactly the bytes to send: the caller hashes this same array. */
  bytes: Uint8Array<ArrayBuffer>;
  contentType: string;
  authorization: string;
  signal: AbortSignal;
  /** The whole response (headers and body) must arrive within this; 120 s unless given. */
  timeoutMs?: number;
}

export interface PostBytesResponse {
  /** The body as received, byte for byte: what the signature's response hash covers. */
  responseBytes: Uint8Array<ArrayBuffer>;
  /** The provider's `ZG-Res-Key` header, null when absent or not exposed to the page. */
  chatId: string | null;
  status: number;
  headers: Headers;
  msTotal: number;
}

export const DEFAULT_POST_TIMEOUT_MS = 120_000;

/**
 * One non-streaming POST whose answer is read whole as bytes. A non-2xx answer, a failed
 * connection, Stop and the timeout all throw an InferenceError with their problem.
 */
export async function postBytes(req: PostBytesRequest): Promise<PostBytesResponse> {
  const t0 = performance.now();
  const { signal } = req;
  if (signal.aborted) throw new InferenceError({ kind: 'stopped', because: stopReason(signal) });

  // One controller for Stop and the timeout, and the first of them names the problem: a Stop
  // after the timeout fired is still a timeout.
  const controller = new AbortController();
  let ended: InferenceProblem | null = null;
  const end = (problem: InferenceProblem) => {
    ended ??= problem;
    controller.abort();
  };
  const onStop = () => end({ kind: 'stopped', because: stopReason(signal) });
  signal.addEventListener('abort', onStop, { once: true });
  const timer = setTimeout(() => end({ kind: 'timeout' }), req.timeoutMs ?? DEFAULT_POST_TIMEOUT_MS);
  // A body that ignores the abort (a stalled stream, a stand-in fetch) must not hold the request open.
  const aborted = new Promise<never>((_, reject) =>
    controller.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }),
  );
  aborted.catch(() => undefined);
  const guard = <T>(p: Promise<T>) => Promise.race([p, aborted]);

  try {
    const res = await guard(
      fetch(req.url, {
        method: 'POST',
        headers: { 'Content-Type': req.contentType, Authorization: req.authorization },
        body: req.bytes,
        signal: controller.signal,
      }),
    );
    if (!res.ok) throw new InferenceError(await guard(problemFromResponse(res)));
    const responseBytes = new Uint8Array(await guard(res.arrayBuffer()));
    return {
      responseBytes,
      chatId: res.headers.get('ZG-Res-Key'),
      status: res.status,
      headers: res.headers,
      msTotal: performance.now() - t0,
    };
  } catch (err) {
    if (ended) throw new InferenceError(ended);
    if (err instanceof InferenceError) throw err;
    throw new InferenceError({ kind: 'network', message: err instanceof Error ? err.message : String(err) });
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onStop);
  }
}
