import { afterEach, describe, expect, it, vi } from 'vitest';
import { inProcessWorker } from '../test-worker';
import { validateDataset, type DatasetProgress } from './dataset';
import { validateInWorker } from './dataset-client';
import { schemaFromExample } from './dataset-schema';
import { handleDatasetRequest, type DatasetWorkerReply, type DatasetWorkerRequest } from './dataset-worker';

const schema = schemaFromExample('{"text":"a"}');
const lines = (n: number) => Array.from({ length: n }, (_, i) => `{"text":"line ${i}"}\n`).join('');
const file = new Blob([lines(3)]);

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

const FakeWorker = inProcessWorker<DatasetWorkerRequest, DatasetWorkerReply>(handleDatasetRequest);

describe('validateInWorker', () => {
  it('validates on the main thread where there is no Worker', async () => {
    expect(typeof Worker).toBe('undefined');
    const progress: DatasetProgress[] = [];
    const r = await validateInWorker(file, schema, (p) => progress.push(p));
    expect(r).toEqual(await validateDataset(new Uint8Array(await file.arrayBuffer()), schema));
    expect(progress.at(-1)).toEqual({ bytes: file.size, records: 3 });
  });

  it('runs the module worker and resolves with its report', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const r = await validateInWorker(file, schema);
    expect(r).toMatchObject({ ok: true, records: 3 });
    const worker = FakeWorker.last;
    expect(worker?.url.pathname).toMatch(/\/dataset-worker\.ts$/);
    expect(worker?.options).toEqual({ type: 'module' });
    expect(worker?.terminated).toBe(true);
  });

  it('falls back to the main thread when the worker cannot start', async () => {
    class Broken extends FakeWorker {
      override postMessage() {
        setTimeout(() => this.onerror?.({ preventDefault: () => undefined }));
      }
    }
    vi.stubGlobal('Worker', Broken);
    expect(await validateInWorker(file, schema)).toMatchObject({ ok: true, records: 3 });
  });

  it("rejects with the worker's sentence when the file cannot be read", async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const unreadable = { stream: () => new ReadableStream({ pull: (c) => c.error(new Error('gone')) }) } as Blob;
    await expect(validateInWorker(unreadable, schema)).rejects.toThrow('The file could not be read: gone');
  });

  it('stops the worker and rejects when aborted', async () => {
    class Silent extends FakeWorker {
      override postMessage() {}
    }
    vi.stubGlobal('Worker', Silent);
    const controller = new AbortController();
    const pending = validateInWorker(file, schema, undefined, { signal: controller.signal });
    controller.abort(new Error('another file was chosen'));
    await expect(pending).rejects.toThrow('another file was chosen');
    expect(FakeWorker.last?.terminated).toBe(true);
    await expect(validateInWorker(file, schema, undefined, { signal: controller.signal })).rejects.toThrow(/another/);
  });

  it('passes the size limit on', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const r = await validateInWorker(file, schema, undefined, { maxBytes: 10 });
    expect(r.errors[0]?.message).toMatch(/the limit is/);
  });
});

describe('the worker entry', () => {
  it('posts throttled progress, then the report', async () => {
    const replies: DatasetWorkerReply[] = [];
    const big = new Blob(Array.from({ length: 200 }, () => lines(500)));
    await handleDatasetRequest({ file: big, schema }, (r) => replies.push(r));
    const last = replies.at(-1);
    expect(last).toMatchObject({ type: 'done', report: { ok: true, records: 100_000 } });
    expect(replies.filter((r) => r.type === 'progress').length).toBeGreaterThan(0);
    expect(replies.length).toBeLessThan(100);
  });

  it('answers messages when loaded in a worker, and leaves other scopes alone', async () => {
    const posted: DatasetWorkerReply[] = [];
    const scope = globalThis as unknown as { onmessage?: unknown };
    await import('./dataset-worker');
    expect(scope.onmessage).toBeUndefined();
    vi.resetModules();
    vi.stubGlobal('WorkerGlobalScope', class {});
    vi.stubGlobal('postMessage', (r: DatasetWorkerReply) => posted.push(r));
    await import('./dataset-worker');
    const onmessage = scope.onmessage as (e: { data: DatasetWorkerRequest }) => void;
    onmessage({ data: { file, schema } });
    await vi.waitFor(() => expect(posted.at(-1)).toMatchObject({ type: 'done', report: { records: 3 } }));
    delete scope.onmessage;
  });
});
