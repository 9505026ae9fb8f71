import type { Address, Hex } from 'viem';
import { ProviderHttpError } from '../errors';
import { buildMultipart } from '../media/multipart';
import { parseJsonText, providerUrl, refusal, transportError, userPath, type FtEndpoint } from './provider-api';

/** What uploadDataset needs; `signature` is the wallet's over uploadDigest(user, timestampS). */
export interface UploadDatasetInput {
  endpoint: FtEndpoint;
  user: Address;
  file: Blob;
  fileName: string;
  timestampS: number;
  signature: Hex;
  onProgress?: (sentBytes: number, totalBytes: number) => void;
  signal?: AbortSignal;
  /** For tests: a stand-in XMLHttpRequest. */
  xhr?: () => XMLHttpRequest;
}

const MAX_ANSWER_CHARS = 64 * 1024;
const cancelled = () => new ProviderHttpError('cancelled', 'The upload was cancelled.');

/**
 * Sends the dataset to the provider's TEE as multipart/form-data, built as bytes in the SDK's part
 * order (file, signature, timestamp). XMLHttpRequest rather than fetch: only it reports upload progress.
 */
export async function uploadDataset(input: UploadDatasetInput): Promise<{ datasetHash: string }> {
  const { endpoint, user, signal } = input;
  const url = providerUrl(endpoint, `${userPath(user)}/dataset`);
  if (signal?.aborted) throw cancelled();
  const data = new Uint8Array(await input.file.arrayBuffer());
  const body = buildMultipart([
    { name: 'file', filename: input.fileName, contentType: 'application/octet-stream', data },
    { name: 'signature', value: input.signature },
    { name: 'timestamp', value: String(input.timestampS) },
  ]);
  const total = body.bytes.length;
  const answer = await new Promise<string>((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const xhr = input.xhr?.() ?? new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    const settle = (fn: () => void) => {
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', body.contentType);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (e) => input.onProgress?.(Math.min(e.loaded, total), total);
    xhr.onload = () =>
      settle(() => {
        const text = String(xhr.responseText ?? '').slice(0, MAX_ANSWER_CHARS);
        if (xhr.status >= 200 && xhr.status < 300) resolve(text);
        else reject(refusal(xhr.status, text));
      });
    xhr.onerror = () => settle(() => reject(transportError(new TypeError('The upload connection failed.'))));
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = () => settle(() => reject(cancelled()));
    signal?.addEventListener('abort', onAbort, { once: true });
    xhr.send(body.bytes);
  });
  const parsed = parseJsonText(answer) as { datasetHash?: unknown } | null;
  const hash = parsed?.datasetHash;
  if (typeof hash !== 'string' || hash === '' || hash.length > 200)
    throw new ProviderHttpError('malformed', 'The provider did not answer the hash of the uploaded dataset.', {
      code: 'malformed',
      details: answer.slice(0, 2000),
    });
  input.onProgress?.(total, total);
  return { datasetHash: hash };
}

/** What downloadModel needs; `signature` is the wallet's over loraDigest(taskId, timestampS). */
export interface DownloadModelInput {
  endpoint: FtEndpoint;
  user: Address;
  taskId: string;
  timestampS: number;
  signature: Hex;
  onProgress?: (receivedBytes: number, totalBytes: number | null) => void;
  signal?: AbortSignal;
}

/** Encrypted adapters are tens of MB; this only stops a provider streaming without end. */
const MAX_MODEL_BYTES = 2 * 1024 * 1024 * 1024;

const tooLarge = () =>
  new ProviderHttpError('malformed', 'The provider sent a model larger than 2 GB: it is not one this app can keep.', {
    code: 'too-large',
  });

const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;

/** The cut-connection error: how far it got, and that retrying is safe (the provider keeps the model). */
function cut(received: number, total: number | null, cause?: unknown): ProviderHttpError {
  const of = total === null ? '' : ` of ${mb(total)}`;
  return new ProviderHttpError(
    'unreachable',
    `The download stopped after ${mb(received)}${of}: the connection to the provider was cut. Download again to retry.`,
    { code: 'cut', details: cause instanceof Error ? `${cause.name}: ${cause.message}` : 'ended early', cause },
  );
}

/** Downloads the encrypted model from the provider's TEE (`POST .../task/{id}/lora`), with progress. */
export async function downloadModel(input: DownloadModelInput): Promise<Uint8Array<ArrayBuffer>> {
  const { endpoint, user, taskId, signal } = input;
  const url = providerUrl(endpoint, `${userPath(user)}/task/${encodeURIComponent(taskId)}/lora`);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      // A JSON number, as the SDK sends it (the provider reads Unix seconds).
      body: JSON.stringify({ signature: input.signature, timestamp: input.timestampS }),
      signal,
    });
  } catch (e) {
    throw transportError(e, signal);
  }
  if (!res.ok) throw refusal(res.status, (await res.text().catch(() => '')).slice(0, 64 * 1024));
  const length = Number(res.headers.get('content-length'));
  const total = res.headers.has('content-length') && Number.isSafeInteger(length) && length >= 0 ? length : null;
  if (total !== null && total > MAX_MODEL_BYTES) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = res.body?.getReader();
  try {
    for (let r = await reader?.read(); r && !r.done; r = await reader?.read()) {
      chunks.push(r.value);
      received += r.value.length;
      if (received > MAX_MODEL_BYTES) {
        void reader?.cancel();
        throw tooLarge();
      }
      input.onProgress?.(received, total);
    }
  } catch (e) {
    if (signal?.aborted) throw transportError(e, signal);
    throw e instanceof ProviderHttpError ? e : cut(received, total, e);
  }
  if (total !== null && received < total) throw cut(received, total);
  const out = new Uint8Array(received);
  chunks.reduce((at, c) => (out.set(c, at), at + c.length), 0);
  return out;
}
