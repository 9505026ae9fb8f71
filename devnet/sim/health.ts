import type { IncomingMessage, ServerResponse } from 'node:http';

/** One request a provider really served (or failed to), as the health report counts it. */
export interface HealthSample {
  /** Answered, with a status below 500: the provider worked, whatever it thought of the request. */
  ok: boolean;
  /** An inference answer (2xx to a POST /v1/proxy/...): only these feed the performance figures. */
  inference: boolean;
  /** Request arrival to the last byte sent, in ms. */
  responseMs: number;
  /** Streams only: request arrival to the first event written, in ms. */
  ttftMs: number | null;
  /** Chat only: completion tokens per second of answering. */
  tokensPerSecond: number | null;
  /** When it ended, unix ms. */
  at: number;
}

/** The figures of one metric, as 0G's status service publishes them. */
export interface MetricStats {
  avg: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
  unit: string;
  samples: number;
}

// response_time is always there in the status service's shape; before any answer it counts none.
const NO_SAMPLES: MetricStats = { avg: 0, p50: 0, p90: 0, p95: 0, p99: 0, min: 0, max: 0, unit: 'ms', samples: 0 };

export type HealthStatus = 'healthy' | 'warning' | 'critical';

// Enough for percentiles that mean something, few enough that a long devnet run stays small.
const KEEP = 500;

/** What each provider served, newest last, per provider name. */
export class HealthBook {
  private readonly byProvider = new Map<string, HealthSample[]>();

  record(provider: string, sample: HealthSample): void {
    const list = this.byProvider.get(provider) ?? [];
    list.push(sample);
    if (list.length > KEEP) list.splice(0, list.length - KEEP);
    this.byProvider.set(provider, list);
  }

  samples(provider: string): readonly HealthSample[] {
    return this.byProvider.get(provider) ?? [];
  }
}

const round = (n: number, digits: number) => Number(n.toFixed(digits));

/** Nearest-rank percentiles, mean, min and max; null without values (the status service then leaves it out). */
export function metricStats(values: readonly number[], unit: string, digits = 0): MetricStats | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    avg: round(sum / sorted.length, digits),
    p50: round(at(50), digits),
    p90: round(at(90), digits),
    p95: round(at(95), digits),
    p99: round(at(99), digits),
    min: round(sorted[0] ?? 0, digits),
    max: round(sorted[sorted.length - 1] ?? 0, digits),
    unit,
    samples: sorted.length,
  };
}

/** critical when the last request failed, warning below 99% uptime or before any request, else healthy. */
export function healthStatus(samples: readonly HealthSample[]): HealthStatus {
  const last = samples[samples.length - 1];
  if (!last) return 'warning';
  if (!last.ok) return 'critical';
  return samples.filter((s) => s.ok).length / samples.length < 0.99 ? 'warning' : 'healthy';
}

export interface ReportedProvider {
  name: string;
  address: string;
  model: string;
  serviceType: string;
}

/** The status service's JSON (PROTOCOL.md "Provider health") built from what the simulator served. */
export function healthReport(providers: readonly ReportedProvider[], book: HealthBook, now = Date.now()) {
  const services = providers.map((p) => {
    const samples = book.samples(p.name);
    const successful = samples.filter((s) => s.ok).length;
    const answers = samples.filter((s) => s.inference);
    const numbers = (pick: (s: HealthSample) => number | null) =>
      answers.map(pick).filter((v): v is number => v !== null);
    const ttft = metricStats(
      numbers((s) => s.ttftMs),
      'ms',
    );
    const tps = metricStats(
      numbers((s) => s.tokensPerSecond),
      'tokens/s',
      1,
    );
    const last = samples[samples.length - 1];
    return {
      serviceType: p.serviceType,
      model: p.model,
      provider: p.address,
      status: healthStatus(samples),
      checks: {
        total: samples.length,
        successful,
        failed: samples.length - successful,
        uptime: samples.length ? round((successful / samples.length) * 100, 2) : 0,
      },
      performance: {
        response_time:
          metricStats(
            numbers((s) => s.responseMs),
            'ms',
          ) ?? NO_SAMPLES,
        ...(ttft ? { ttft } : {}),
        ...(tps ? { tokens_per_second: tps } : {}),
      },
      lastCheck: last ? new Date(last.at).toISOString() : null,
    };
  });
  const count = (status: HealthStatus) => services.filter((s) => s.status === status).length;
  const checked = services.filter((s) => s.checks.total > 0);
  return {
    status: count('critical') > 0 ? 'degraded' : 'ok',
    timestamp: new Date(now).toISOString(),
    isMonitoring: true,
    summary: {
      totalServices: services.length,
      healthy: count('healthy'),
      warning: count('warning'),
      critical: count('critical'),
      overallUptime: checked.length ? round(checked.reduce((a, s) => a + s.checks.uptime, 0) / checked.length, 2) : 0,
    },
    services,
  };
}

/** The last `"completion_tokens": N` in an answer (a stream carries usage in its final chunk). */
export function completionTokens(body: string): number | null {
  const all = [...body.matchAll(/"completion_tokens"\s*:\s*(\d+)/g)];
  const last = all[all.length - 1];
  return last ? Number(last[1]) : null;
}

// A chat answer is a few KB; anything past this is not read for its usage.
const CAPTURE_LIMIT = 1024 * 1024;

/**
 * Watches one response until it closes and reports what it was: answered or not, how long it took, and for an
 * inference answer its time to first event and tokens per second, read from the bytes really sent.
 */
export function trackResponse(req: IncomingMessage, res: ServerResponse, onDone: (s: HealthSample) => void): void {
  const started = performance.now();
  const isInference = req.method === 'POST' && /\/v1\/proxy\/./.test(req.url ?? '');
  const isChat = isInference && (req.url ?? '').includes('/chat/completions');
  let firstWrite: number | null = null;
  const chunks: Buffer[] = [];
  let captured = 0;
  let stream = false;
  const note = (chunk: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    // writeHead(status, headers) keeps its headers from getHeader, so a stream is told by its first bytes.
    if (firstWrite === null) stream = buf.subarray(0, 5).toString() === 'data:';
    firstWrite ??= performance.now();
    if (!isChat || captured > CAPTURE_LIMIT) return;
    captured += buf.length;
    chunks.push(buf);
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((...args: unknown[]) => (note(args[0]), write(...args))) as ServerResponse['write'];
  res.end = ((...args: unknown[]) => (note(args[0]), end(...args))) as ServerResponse['end'];
  res.once('close', () => {
    const ended = performance.now();
    const ok = res.writableFinished && res.statusCode < 500;
    const answered = ok && isInference && res.statusCode < 300;
    const tokens = answered && isChat ? completionTokens(Buffer.concat(chunks).toString('utf8')) : null;
    const from = stream && firstWrite !== null ? firstWrite : started;
    const seconds = (ended - from) / 1000;
    onDone({
      ok,
      inference: answered,
      responseMs: ended - started,
      ttftMs: answered && stream && firstWrite !== null ? firstWrite - started : null,
      tokensPerSecond: tokens !== null && seconds > 0 ? tokens / seconds : null,
      at: Date.now(),
    });
  });
}

export const HEALTH_ANSWERS = ['good', 'not-json', 'bad-shape'] as const;
/** What the simulator's status URL answers: the report, text that is not JSON, or JSON of another shape. */
export type HealthAnswer = (typeof HEALTH_ANSWERS)[number];

/** The body the status URL serves for `answer`. */
export function healthBody(answer: HealthAnswer, report: () => unknown): string {
  if (answer === 'not-json') return '<html><body>502 Bad Gateway</body></html>';
  if (answer === 'bad-shape') return JSON.stringify({ status: 'ok', services: 'none today', summary: null });
  return JSON.stringify(report());
}
