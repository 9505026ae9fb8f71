/** What a worker's reply means: the result, a failure, or nothing yet (progress, say). */
export type WorkerStep<T> = { done: T } | { failed: Error } | undefined;

export interface RunInWorkerOptions<Request, Reply, T> {
  /**
   * Starts the worker. The caller writes `new Worker(new URL('./x-worker.ts', import.meta.url), { type: 'module' })`
   * itself: the bundler finds worker entries only in that exact form.
   */
  create: () => Worker;
  /** The one message posted to the worker. */
  request: Request;
  /** Reads each reply; a step with `done` or `failed` ends the run. */
  read: (reply: Reply) => WorkerStep<T>;
  /** The same work on the main thread, for when no worker can run. */
  fallback: () => Promise<T>;
  signal?: AbortSignal;
}

/** Settles with the signal's reason as soon as it aborts, whatever `work` is still doing. */
function untilAborted<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return work();
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    work()
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', abort));
  });
}

/**
 * Runs one request in a module worker and ends the worker once it answers; does the work on the main thread
 * instead when Worker is missing or the worker fails to load. Rejects with the signal's reason when aborted.
 */
export function runInWorker<Request, Reply, T>(options: RunInWorkerOptions<Request, Reply, T>): Promise<T> {
  const { create, request, read, fallback, signal } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const onMainThread = () => untilAborted(fallback, signal);
  if (typeof Worker === 'undefined') return onMainThread();
  let worker: Worker;
  try {
    worker = create();
  } catch {
    return onMainThread();
  }
  return new Promise<T>((resolve, reject) => {
    const stop = () => {
      worker.terminate();
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      stop();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
    worker.onmessage = (event: MessageEvent<Reply>) => {
      const step = read(event.data);
      if (!step) return;
      stop();
      if ('done' in step) resolve(step.done);
      else reject(step.failed);
    };
    // A worker that cannot load (an old browser without module workers, a stricter policy) or a reply that cannot
    // be read is not the user's problem: the main thread does the same work.
    const giveUp = (event: Event) => {
      event.preventDefault();
      stop();
      onMainThread().then(resolve, reject);
    };
    worker.onerror = giveUp;
    worker.onmessageerror = giveUp;
    worker.postMessage(request);
  });
}

/**
 * A worker entry's side: answers each request with `handle`. Only inside a worker: importing the entry elsewhere (a
 * test) must not touch the global scope.
 */
export function serveInWorker<Request, Reply>(
  handle: (request: Request, post: (reply: Reply) => void) => Promise<void>,
): void {
  if (!('WorkerGlobalScope' in globalThis)) return;
  const scope = globalThis as unknown as {
    onmessage: ((event: MessageEvent<Request>) => void) | null;
    postMessage(reply: Reply): void;
  };
  scope.onmessage = (event) => void handle(event.data, (reply) => scope.postMessage(reply));
}
