import { runInWorker } from '../worker-run';
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
  return runInWorker<DatasetWorkerRequest, DatasetWorkerReply, DatasetReport>({
    create: () => new Worker(new URL('./dataset-worker.ts', import.meta.url), { type: 'module' }),
    request: { file, schema, maxBytes: options.maxBytes },
    read: (reply) => {
      if (reply.type === 'progress') {
        onProgress?.(reply.progress);
        return undefined;
      }
      return reply.type === 'done' ? { done: reply.report } : { failed: new Error(reply.message) };
    },
    fallback: () => validateOnMainThread(file, schema, onProgress, options),
    signal: options.signal,
  });
}
