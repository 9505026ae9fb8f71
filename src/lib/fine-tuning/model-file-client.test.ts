import { Wallet } from 'ethers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inProcessWorker } from '../test-worker';
import { encryptModel, newModelKey } from '../../../devnet/sim/fine-tuning-crypto';
import { modelFileFacts } from './model-file';
import { modelFileFactsInWorker } from './model-file-client';
import { handleModelFileRequest, type ModelFileWorkerReply, type ModelFileWorkerRequest } from './model-file-worker';

const tee = new Wallet(Wallet.createRandom().privateKey);
const bytes = new Uint8Array(encryptModel(new TextEncoder().encode('adapter weights'), newModelKey(), tee.signingKey));
const file = new Blob([bytes]);

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

const FakeWorker = inProcessWorker<ModelFileWorkerRequest, ModelFileWorkerReply>(handleModelFileRequest);

describe('modelFileFactsInWorker', () => {
  it('reads the same facts on the main thread where there is no Worker', async () => {
    expect(typeof Worker).toBe('undefined');
    const facts = await modelFileFactsInWorker(file);
    expect(facts).not.toBeNull();
    expect(facts).toEqual(modelFileFacts(bytes));
  });

  it('gives null on the main thread for a file too short for the layout', async () => {
    expect(await modelFileFactsInWorker(new Blob([new Uint8Array(92)]))).toBeNull();
  });

  it('posts the Blob itself to the module worker and resolves with its facts', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const facts = await modelFileFactsInWorker(file);
    expect(facts).toEqual(modelFileFacts(bytes));
    const worker = FakeWorker.last;
    expect(worker?.url.pathname).toMatch(/\/model-file-worker\.ts$/);
    expect(worker?.options).toEqual({ type: 'module' });
    expect(worker?.posted[0]?.file).toBe(file);
    expect(worker?.terminated).toBe(true);
  });

  it('falls back to the main thread when the worker cannot start', async () => {
    class Broken extends FakeWorker {
      override postMessage() {
        queueMicrotask(() => this.onerror?.({ preventDefault: () => undefined }));
      }
    }
    vi.stubGlobal('Worker', Broken);
    expect(await modelFileFactsInWorker(file)).toEqual(modelFileFacts(bytes));
  });

  it("rejects with the worker's sentence when the file cannot be read", async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const unreadable = { arrayBuffer: () => Promise.reject(new Error('gone')) } as Blob;
    await expect(modelFileFactsInWorker(unreadable)).rejects.toThrow('The model file could not be read: gone');
  });

  it("stops the worker and rejects with the signal's reason when aborted", async () => {
    class Silent extends FakeWorker {
      override postMessage() {}
    }
    vi.stubGlobal('Worker', Silent);
    const controller = new AbortController();
    const pending = modelFileFactsInWorker(file, { signal: controller.signal });
    controller.abort(new DOMException('Cancelled', 'AbortError'));
    await expect(pending).rejects.toThrow('Cancelled');
    expect(FakeWorker.last?.terminated).toBe(true);
  });

  it('rejects on the main thread when aborted while the file is read', async () => {
    const controller = new AbortController();
    const slow = { arrayBuffer: () => new Promise<ArrayBuffer>(() => undefined) } as Blob;
    const pending = modelFileFactsInWorker(slow, { signal: controller.signal });
    controller.abort(new Error('cancelled while hashing'));
    await expect(pending).rejects.toThrow('cancelled while hashing');
  });
});

describe('the model file worker entry', () => {
  it('answers messages when loaded in a worker, and leaves other scopes alone', async () => {
    const posted: ModelFileWorkerReply[] = [];
    const scope = globalThis as unknown as { onmessage?: unknown };
    await import('./model-file-worker');
    expect(scope.onmessage).toBeUndefined();
    vi.resetModules();
    vi.stubGlobal('WorkerGlobalScope', class {});
    vi.stubGlobal('postMessage', (r: ModelFileWorkerReply) => posted.push(r));
    await import('./model-file-worker');
    const onmessage = scope.onmessage as (e: { data: ModelFileWorkerRequest }) => void;
    onmessage({ data: { file } });
    await vi.waitFor(() => expect(posted.at(-1)).toEqual({ type: 'done', facts: modelFileFacts(bytes) }));
    delete scope.onmessage;
  });
});
