import { describe, expect, it } from 'vitest';
import type { Service } from '../chain/services';
import { applyFilters, filtersToParams, parseFilters } from '../marketplace';
import { healthFacts, type HealthSources } from './health-index';
import type { ProbeResult } from './probe';
import { parseStatusReport, serviceStatusOf } from './status-report';

const svc = (n: string, model: string): Service => ({
  provider: `0x${n.repeat(40)}` as Service['provider'],
  serviceType: 'chatbot',
  url: `https://${n}.example`,
  inputPrice: 1n,
  outputPrice: 1n,
  updatedAt: 1n,
  model,
  verifiability: 'TeeML',
  additionalInfo: '',
  teeSignerAddress: `0x${'0'.repeat(40)}`,
  teeSignerAcknowledged: true,
});
const [a, b, c, d] = [svc('a', 'alpha'), svc('b', 'beta'), svc('c', 'gamma'), svc('d', 'delta')];
const probe = (state: ProbeResult['state'], latencyMs: number | null): ProbeResult => ({
  state,
  latencyMs,
  status: 200,
  at: 0,
});
const metric = (p50: number, samples = 5) => ({
  avg: p50,
  p50,
  p90: p50,
  p95: p50,
  p99: p50,
  min: p50,
  max: p50,
  unit: 'ms',
  samples,
});
// c: not checked by the browser, 0G reports 300 ms; d: nobody knows anything.
const report = parseStatusReport({
  status: 'ok',
  timestamp: 0,
  isMonitoring: true,
  summary: { totalServices: 1, healthy: 1, warning: 0, critical: 0, overallUptime: 100 },
  services: [
    {
      serviceType: 'chatbot',
      model: 'gamma',
      provider: c.provider,
      status: 'healthy',
      checks: { total: 1, successful: 1, failed: 0, uptime: 100 },
      performance: { response_time: metric(300) },
      lastCheck: null,
    },
    // 0G calls b critical, but this browser's own check (it answers) wins.
    {
      serviceType: 'chatbot',
      model: 'beta',
      provider: b.provider,
      status: 'critical',
      checks: { total: 1, successful: 0, failed: 1, uptime: 0 },
      performance: { response_time: metric(0, 0) },
      lastCheck: null,
    },
  ],
});
const probes: Record<string, ProbeResult> = {
  'https://a.example/v1/proxy/models': probe('unreachable', null),
  'https://b.example/v1/proxy/models': probe('answers', 900),
};
const sources: HealthSources = { probe: (u) => probes[u], reported: (s) => serviceStatusOf(report, s) };
const facts = (s: Service) => healthFacts(s, sources);

describe('marketplace by health', () => {
  it('keeps "answers now" and sorting by speed in the URL', () => {
    const f = parseFilters(new URLSearchParams('health=answers&sort=fastest'));
    expect(f).toMatchObject({ answering: true, sort: 'fastest' });
    expect(filtersToParams(f).toString()).toBe('sort=fastest&health=answers');
    expect(parseFilters(new URLSearchParams('health=maybe')).answering).toBeUndefined();
  });

  it('takes the browser check first, then 0G, else unknown', () => {
    expect(facts(a)).toEqual({ answering: false, latencyMs: null });
    expect(facts(b)).toEqual({ answering: true, latencyMs: 900 });
    expect(facts(c)).toEqual({ answering: true, latencyMs: 300 });
    expect(facts(d)).toEqual({ answering: null, latencyMs: null });
  });

  it('"answers now" hides only providers known not to answer; fastest puts the unknown last', () => {
    const f = parseFilters(new URLSearchParams(''));
    expect(applyFilters([a, b, c, d], { ...f, answering: true }, facts)).toEqual([b, d, c]);
    expect(applyFilters([d, a, b, c], { ...f, sort: 'fastest' }, facts)).toEqual([c, b, a, d]);
    expect(applyFilters([d, a, b, c], { ...f, sort: 'fastest', answering: true }, facts)).toEqual([c, b, d]);
  });
});
