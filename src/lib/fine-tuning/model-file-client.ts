import { runInWorker } from '../worker-run';
import { modelFileFacts, type ModelFileFacts } from './model-file';
import type { ModelFileWorkerReply, ModelFileWorkerRequest } from './model-file-worker';

/** Reads the facts on the main thread: the fallback when no worker can run (the tab is busy while it hashes). */
export async function modelFileFactsOnMainThread(
  file: Blob,
  options: { signal?: AbortSignal } = {},
): Promise<ModelFileFacts | null> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  options.signal?.throwIfAborted();
  return modelFileFacts(bytes);
}

/**
 * Reads an encrypted model's facts (keccak256, tag signature, tags' hash) in a module worker; falls back to the main
 * thread when Worker is missing or the worker fails to start. Rejects with the signal's reason when aborted.
 */
export function modelFileFactsInWorker(
  file: Blob,
  options: { signal?: AbortSignal } = {},
): Promise<ModelFileFacts | null> {
  return runInWorker<ModelFileWorkerRequest, ModelFileWorkerReply, ModelFileFacts | null>({
    create: () => new Worker(new URL('./model-file-worker.ts', import.meta.url), { type: 'module' }),
    // A Blob is posted by reference: the bytes are not copied to the worker.
    request: { file },
    read: (reply) => (reply.type === 'done' ? { done: reply.facts } : { failed: new Error(reply.message) }),
    fallback: () => modelFileFactsOnMainThread(file, options),
    signal: options.signal,
  });
}
