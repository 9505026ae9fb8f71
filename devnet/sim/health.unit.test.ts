import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { mergeFaults, NO_FAULTS } from './faults.js';
import {
  completionTokens,
  HealthBook,
  healthBody,
  healthReport,
  healthStatus,
  metricStats,
  trackResponse,
  type HealthSample,
} from './health.js';

const sample = (over: Partial<HealthSample> = {}): HealthSample => ({
  ok: true,
  inference: true,
  responseMs: 100,
  ttftMs: null,
  tokensPerSecond: null,
  at: Date.UTC(2026, 0, 2, 3, 4, 5),
  ...over,
});

const PROVIDER = {
  name: 'chat-a',
  address: '0x00000000000000000000000000000000000000a1',
  model: 'm',
  serviceType: 'chatbot',
};

describe('metricStats', () => {
  it('gives nearest-rank percentiles, mean, min and max', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 1..100, unsorted
    expect(metricStats(values, 'ms')).toEqual({
      avg: 51, // 50.5 rounded to whole ms
      p50: 50,
      p90: 90,
      p95: 95,
      p99: 99,
      min: 1,
      max: 100,
      unit: 'ms',
      samples: 100,
    });
    expect(metricStats([7], 'ms')).toMatchObject({ p50: 7, p90: 7, p99: 7, min: 7, max: 7, samples: 1 });
    expect(metricStats([12.345, 20.01], 'tokens/s', 1)).toMatchObject({ p50: 12.3, p90: 20, avg: 16.2 });
    expect(metricStats([], 'ms')).toBeNull();
  });
});

describe('healthStatus', () => {
  it('is critical when the last request failed, warning below 99% or before any, else healthy', () => {
    expect(healthStatus([])).toBe('warning');
    expect(healthStatus([sample(), sample({ ok: false })])).toBe('critical');
    expect(healthStatus([sample({ ok: false }), sample()])).toBe('warning');
    expect(healthStatus(Array.from({ length: 100 }, () => sample()))).toBe('healthy');
  });
});

describe('healthReport', () => {
  it("counts the provider's checks and figures from its inference answers only", () => {
    const book = new HealthBook();
    book.record('chat-a', sample({ responseMs: 200, ttftMs: 40, tokensPerSecond: 50 }));
    book.record('chat-a', sample({ responseMs: 400, ttftMs: 60, tokensPerSecond: 30 }));
    book.record('chat-a', sample({ inference: false, responseMs: 5 })); // a models probe
    book.record('chat-a', sample({ ok: false, inference: false, responseMs: 0 }));
    const report = healthReport([PROVIDER, { ...PROVIDER, name: 'idle' }], book, Date.UTC(2026, 0, 2));
    const [busy, idle] = report.services;
    expect(busy).toMatchObject({
      provider: PROVIDER.address,
      model: 'm',
      serviceType: 'chatbot',
      status: 'critical',
      checks: { total: 4, successful: 3, failed: 1, uptime: 75 },
      lastCheck: '2026-01-02T03:04:05.000Z',
    });
    expect(busy?.performance.response_time).toMatchObject({ p50: 200, p90: 400, samples: 2, unit: 'ms' });
    expect(busy?.performance).toMatchObject({ ttft: { p50: 40 }, tokens_per_second: { p50: 30, p90: 50 } });
    expect(idle).toMatchObject({ status: 'warning', checks: { total: 0, uptime: 0 }, lastCheck: null });
    expect(idle?.performance).toEqual({ response_time: expect.objectContaining({ samples: 0 }) });
    expect(report).toMatchObject({
      status: 'degraded',
      timestamp: '2026-01-02T00:00:00.000Z',
      isMonitoring: true,
      summary: { totalServices: 2, healthy: 0, warning: 1, critical: 1, overallUptime: 75 },
    });
  });

  it('serves garbage on request', () => {
    expect(() => JSON.parse(healthBody('not-json', () => ({})))).toThrow();
    expect(JSON.parse(healthBody('bad-shape', () => ({})))).toMatchObject({ services: 'none today' });
    expect(JSON.parse(healthBody('good', () => ({ ok: 1 })))).toEqual({ ok: 1 });
  });
});

describe('whole-provider faults', () => {
  it('takes slowMs and down, and refuses bad values', () => {
    expect(NO_FAULTS).toMatchObject({ slowMs: 0, down: false });
    expect(mergeFaults(NO_FAULTS, { slowMs: 2500, down: true })).toEqual({ ...NO_FAULTS, slowMs: 2500, down: true });
    expect(() => mergeFaults(NO_FAULTS, { slowMs: -1 })).toThrow('slowMs must be 0..600000 ms');
    expect(() => mergeFaults(NO_FAULTS, { down: 'yes' })).toThrow('down must be true or false');
  });
});

describe('completionTokens', () => {
  it('reads the last usage in a body or stream', () => {
    expect(completionTokens('{"usage":{"prompt_tokens":3,"completion_tokens":12}}')).toBe(12);
    expect(completionTokens('data: {"x":1}\n\ndata: {"usage":{"completion_tokens": 7}}\n\n')).toBe(7);
    expect(completionTokens('no usage')).toBeNull();
  });
});

describe('trackResponse', () => {
  let server: Server | undefined;
  afterEach(() => void server?.close());

  async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
    server = createServer(handler);
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('records a streamed chat answer with its first event and tokens per second', async () => {
    const done = new Promise<HealthSample>((resolve) => {
      void serve((req, res) => {
        trackResponse(req, res, resolve);
        res.writeHead(200, { 'Content-Type': 'text/event-stream' });
        res.write('data: {"choices":[]}\n\n');
        setTimeout(() => res.end('data: {"usage":{"completion_tokens":20}}\n\n'), 50);
      }).then((base) =>
        fetch(`${base}/chat-a/v1/proxy/chat/completions`, { method: 'POST', body: '{}' }).then((r) => r.text()),
      );
    });
    const s = await done;
    expect(s).toMatchObject({ ok: true, inference: true });
    expect(s.ttftMs).not.toBeNull();
    expect(s.responseMs).toBeGreaterThanOrEqual(45);
    // 20 tokens over at least the 50 ms between the first event and the end.
    expect(s.tokensPerSecond).toBeGreaterThan(0);
    expect(s.tokensPerSecond).toBeLessThanOrEqual(20 / 0.045);
  });

  it('counts a 500 as failed and a models GET as no inference answer', async () => {
    const seen: HealthSample[] = [];
    const base = await serve((req, res) => {
      trackResponse(req, res, (s) => seen.push(s));
      res.writeHead(req.method === 'POST' ? 500 : 200).end('{}');
    });
    await fetch(`${base}/chat-a/v1/proxy/chat/completions`, { method: 'POST', body: '{}' }).then((r) => r.text());
    await fetch(`${base}/chat-a/v1/proxy/models`).then((r) => r.text());
    await expect.poll(() => seen.length).toBe(2);
    expect(seen[0]).toMatchObject({ ok: false, inference: false, ttftMs: null, tokensPerSecond: null });
    expect(seen[1]).toMatchObject({ ok: true, inference: false });
  });
});
