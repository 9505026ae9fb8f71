// For tests only: a stand-in for `Worker` that runs a worker entry's handler in this process, as the browser would
// in the worker, and records what was posted and whether it was terminated.

/** A worker entry's handler: reads one request and posts replies. */
export type WorkerHandler<Request, Reply> = (request: Request, post: (reply: Reply) => void) => Promise<void>;

/** A Worker class (stub it with `vi.stubGlobal('Worker', …)`) whose instances run `handle` in-process. */
export function inProcessWorker<Request, Reply>(handle: WorkerHandler<Request, Reply>) {
  return class InProcessWorker {
    static last: InProcessWorker | undefined;
    onmessage: ((e: { data: Reply }) => void) | null = null;
    onerror: ((e: { preventDefault(): void }) => void) | null = null;
    posted: Request[] = [];
    terminated = false;
    constructor(
      readonly url: URL,
      readonly options: WorkerOptions,
    ) {
      InProcessWorker.last = this;
    }
    postMessage(request: Request) {
      this.posted.push(request);
      void handle(request, (data) => this.onmessage?.({ data }));
    }
    terminate() {
      this.terminated = true;
    }
  };
}
