import { describe, expect, it } from 'vitest';
import { fetchStatusReport, parseStatusReport, serviceStatusOf, StatusReportError } from './status-report';

const A = '0x00000000000000000000000000000000000000Aa';
const metric = (p50: number, unit = 'ms') => ({
  avg: p50,
  p50,
  p90: p50 * 2,
  p95: p50 * 2,
  p99: p50 * 3,
  min: 1,
  max: p50 * 3,
  unit,
  samples: 10,
});
const service = (over: Record<string, unknown> = {}) => ({
  serviceType: 'chatbot',
  model: 'qwen',
  provider: A,
  status: 'healthy',
  checks: { total: 10, successful: 9, failed: 1, uptime: 90 },
  performance: { response_time: metric(120), ttft: metric(40), tokens_per_second: metric(55.5, 'tokens/s') },
  lastCheck: '2026-01-02T03:04:05.000Z',
  ...over,
});
const report = (services: unknown[] = [service()], over: Record<string, unknown> = {}) => ({
  status: 'ok',
  timestamp: '2026-01-02T03:05:00.000Z',
  isMonitoring: true,
  summary: { totalServices: 1, healthy: 1, warning: 0, critical: 0, overallUptime: 90 },
  services,
  ...over,
});

const problem = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof StatusReportError ? e.problem : 'other';
  }
  return 'none';
};

describe('parseStatusReport', () => {
  it('reads the documented shape, times as unix ms and addresses lowercase', () => {
    const r = parseStatusReport(
      report([service(), service({ performance: { response_time: metric(5) }, lastCheck: null })]),
    );
    expect(r.timestamp).toBe(Date.UTC(2026, 0, 2, 3, 5));
    expect(r.services[0]).toMatchObject({
      provider: A.toLowerCase(),
      status: 'healthy',
      checks: { total: 10, uptime: 90 },
      responseTime: { p50: 120, p90: 240, unit: 'ms' },
      ttft: { p50: 40 },
      tokensPerSecond: { p50: 55.5, unit: 'tokens/s' },
      lastCheck: Date.UTC(2026, 0, 2, 3, 4, 5),
    });
    expect(r.services[1]).toMatchObject({ ttft: null, tokensPerSecond: null, lastCheck: null });
  });

  it.each([
    ['not an object', 'garbage'],
    ['services not a list', report(undefined, { services: 'none today' })],
    ['no summary', report(undefined, { summary: null })],
    ['a bad time', report(undefined, { timestamp: 'yesterday' })],
    ['an unknown status', report([service({ status: 'fine' })])],
    ['a provider that is no address', report([service({ provider: '<img src=x>' })])],
    ['a number as text', report([service({ checks: { total: '10', successful: 9, failed: 1, uptime: 90 } })])],
    ['an infinite figure', report([service({ performance: { response_time: { ...metric(1), p90: Infinity } } })])],
    ['no response time', report([service({ performance: {} })])],
  ])('refuses %s', (_what, json) => {
    expect(problem(() => parseStatusReport(json))).toBe('malformed');
  });
});

describe('fetchStatusReport', () => {
  const answer = (body: string, status = 200) =>
    (async () => new Response(body, { status })) as unknown as typeof fetch;
  it('says which way it failed', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(fetchStatusReport('https://s/health', failing)).rejects.toMatchObject({ problem: 'unreachable' });
    await expect(fetchStatusReport('https://s/health', answer('{}', 502))).rejects.toMatchObject({ problem: 'http' });
    await expect(fetchStatusReport('https://s/health', answer('<html>'))).rejects.toMatchObject({
      problem: 'malformed',
    });
    await expect(fetchStatusReport('https://s/health', answer(JSON.stringify(report())))).resolves.toMatchObject({
      services: [{ model: 'qwen' }],
    });
  });
});

describe('serviceStatusOf', () => {
  it('finds the entry of a provider by address, its own model first', () => {
    const r = parseStatusReport(report([service({ model: 'other' }), service({ status: 'critical' })]));
    expect(
      serviceStatusOf(r, { provider: A.toUpperCase().replace('0X', '0x'), model: 'qwen', serviceType: 'chatbot' })
        ?.status,
    ).toBe('critical');
    expect(serviceStatusOf(r, { provider: A, model: 'new', serviceType: 'chatbot' })?.model).toBe('other');
    expect(serviceStatusOf(r, { provider: '0x' + 'b'.repeat(40), model: 'qwen', serviceType: 'chatbot' })).toBeNull();
  });
});
