// A module Web Worker entry: hashes a downloaded model off the main thread, so a 200 MB file keeps the page responsive.
import { modelFileFacts, type ModelFileFacts } from './model-file';
import { serveInWorker } from '../worker-run';

export interface ModelFileWorkerRequest {
  file: Blob;
}

export type ModelFileWorkerReply = { type: 'done'; facts: ModelFileFacts | null } | { type: 'error'; message: string };

/** Reads the request's file and posts its facts (or an error sentence). */
export async function handleModelFileRequest(
  request: ModelFileWorkerRequest,
  post: (reply: ModelFileWorkerReply) => void,
): Promise<void> {
  try {
    const facts = modelFileFacts(new Uint8Array(await request.file.arrayBuffer()));
    post({ type: 'done', facts });
  } catch (e) {
    post({ type: 'error', message: `The model file could not be read: ${e instanceof Error ? e.message : String(e)}` });
  }
}

serveInWorker<ModelFileWorkerRequest, ModelFileWorkerReply>(handleModelFileRequest);
