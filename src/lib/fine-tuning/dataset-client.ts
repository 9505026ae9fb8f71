import { validateDataset, type DatasetProgress, type DatasetReport } from './dataset';
import type { DatasetSchema } from './dataset-schema';
import type { DatasetWorkerReply, DatasetWorkerRequest } from './dataset-worker';

export interface ValidateInWorkerOptions {
  signal?: AbortSignal;
  maxBytes?: number;
}

const SLICE_BYTES = 1024 * 1024;

// Blob.slice + arrayBuffer reads in every browser, and each read resolves in a new task, so the page can
// paint and take input between slices while the main thread validates.
async function* blobSlices(file: Blob, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < file.size; at += SLICE_BYTES) {
    signal?.throwIfAborted();
    yield new Uint8Array(await file.slice(at, at + SLICE_BYTES).arrayBuffer());
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Validates on the main thread a slice at a time: the fallback when no worker can run. */
export async function validateOnMainThread(
  file: Blob,
  schema: DatasetSchema,
  onProgress?: (progress: DatasetProgress) => void,
  options: ValidateInWorkerOptions = {},
): Promise<DatasetReport> {
  const { maxBytes, signal } = options;
  const report = await validateDataset(blobSlices(file, signal), schema, onProgress, {
    maxBytes,
    totalBytes: file.size,
  });
  signal?.throwIfAborted();
  return report;
}

/**
 * Validates a dataset file in a module worker, reporting progress; falls back to the main thread when
 * Worker is missing or the worker fails to start. Rejects with the signal's reason when aborted.
 */
export function validateInWorker(
  file: Blob,
  schema: DatasetSchema,
  onProgress?: (progress: DatasetProgress) => void,
  options: ValidateInWorkerOptions = {},
): Promise<DatasetReport> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const fallback = () => validateOnMainThread(file, schema, onProgress, options);
  if (typeof Worker === 'undefined') return fallback();
  let worker: Worker;
  try {
    worker = new Worker(new URL('./dataset-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return fallback();
  }
  return new Promise<DatasetReport>((resolve, reject) => {
    const stop = () => {
      worker.terminate();
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      stop();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
    worker.onmessage = (event: MessageEvent<DatasetWorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') return onProgress?.(reply.progress);
      stop();
      if (reply.type === 'done') resolve(reply.report);
      else reject(new Error(reply.message));
    };
    // A worker that cannot load (an old browser without module workers, a stricter policy) is not the
    // user's problem: the main thread does the same work.
    worker.onerror = (event) => {
      event.preventDefault();
      stop();
      fallback().then(resolve, reject);
    };
    const request: DatasetWorkerRequest = { file, schema, maxBytes: options.maxBytes };
    worker.postMessage(request);
  });
}
