// A module Web Worker entry: validates a dataset off the main thread, so a 100 MB file keeps the page responsive.
import { validateDataset, type DatasetProgress, type DatasetReport } from './dataset';
import type { DatasetSchema } from './dataset-schema';
import { serveInWorker } from '../worker-run';

export interface DatasetWorkerRequest {
  file: Blob;
  schema: DatasetSchema;
  maxBytes?: number;
}

export type DatasetWorkerReply =
  | { type: 'progress'; progress: DatasetProgress }
  | { type: 'done'; report: DatasetReport }
  | { type: 'error'; message: string };

/** A ReadableStream as an async iterable: Safari cannot `for await` a stream itself. */
export async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Ends the read when the consumer stops early (the size limit), and is harmless after the end.
    await reader.cancel().catch(() => undefined);
  }
}

// A 64 KB stream chunk at a time would post thousands of messages; a few per second are enough for a bar.
const PROGRESS_MS = 100;

/** Validates the request's file and posts throttled progress, then the report (or an error sentence). */
export async function handleDatasetRequest(
  request: DatasetWorkerRequest,
  post: (reply: DatasetWorkerReply) => void,
): Promise<void> {
  try {
    let last = 0;
    const report = await validateDataset(
      streamChunks(request.file.stream()),
      request.schema,
      (progress) => {
        const now = Date.now();
        if (now - last < PROGRESS_MS) return;
        last = now;
        post({ type: 'progress', progress });
      },
      { maxBytes: request.maxBytes, totalBytes: request.file.size },
    );
    post({ type: 'done', report });
  } catch (e) {
    post({ type: 'error', message: `The file could not be read: ${e instanceof Error ? e.message : String(e)}` });
  }
}

serveInWorker<DatasetWorkerRequest, DatasetWorkerReply>(handleDatasetRequest);
