/** One metric as 0G's status service publishes it (all numbers checked finite). */
export interface MetricFigures {
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

export type ReportedStatus = 'healthy' | 'warning' | 'critical';

/** One service in the report. Text fields are untrusted: render as text only. */
export interface ServiceStatus {
  serviceType: string;
  model: string;
  /** Lowercase address. */
  provider: string;
  status: ReportedStatus;
  checks: { total: number; successful: number; failed: number; uptime: number };
  responseTime: MetricFigures;
  ttft: MetricFigures | null;
  tokensPerSecond: MetricFigures | null;
  /** Unix ms of the service's last check, null when it has none. */
  lastCheck: number | null;
}

/** The status service's whole answer, parsed. */
export interface StatusReport {
  status: string;
  /** Unix ms the report was made. */
  timestamp: number;
  isMonitoring: boolean;
  summary: { totalServices: number; healthy: number; warning: number; critical: number; overallUptime: number };
  services: ServiceStatus[];
}

/** Why the report is missing: no answer, an HTTP error, or an answer of another shape. */
export type StatusProblem = 'unreachable' | 'http' | 'malformed';

export class StatusReportError extends Error {
  constructor(
    readonly problem: StatusProblem,
    message: string,
  ) {
    super(message);
    this.name = 'StatusReportError';
  }
}

type Obj = Record<string, unknown>;
const STATUSES: readonly string[] = ['healthy', 'warning', 'critical'];
// Far more than any network has; a bigger list is not a status report.
const MAX_SERVICES = 5000;
const MAX_TEXT = 500;

function bad(what: string): never {
  throw new StatusReportError('malformed', `The status report is not in the expected format (${what}).`);
}
const obj = (v: unknown, what: string): Obj =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : bad(what);
const num = (v: unknown, what: string): number => (typeof v === 'number' && Number.isFinite(v) ? v : bad(what));
const text = (v: unknown, what: string): string => (typeof v === 'string' && v.length <= MAX_TEXT ? v : bad(what));

function time(v: unknown, what: string): number {
  const ms = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isFinite(ms) ? ms : bad(what);
}

function metric(v: unknown, what: string): MetricFigures {
  const m = obj(v, what);
  const n = (k: string) => num(m[k], `${what}.${k}`);
  return {
    avg: n('avg'),
    p50: n('p50'),
    p90: n('p90'),
    p95: n('p95'),
    p99: n('p99'),
    min: n('min'),
    max: n('max'),
    unit: text(m.unit, `${what}.unit`),
    samples: n('samples'),
  };
}

function service(v: unknown, i: number): ServiceStatus {
  const s = obj(v, `services[${i}]`);
  const status = text(s.status, `services[${i}].status`);
  if (!STATUSES.includes(status)) bad(`services[${i}].status`);
  const provider = text(s.provider, `services[${i}].provider`);
  if (!/^0x[0-9a-fA-F]{40}$/.test(provider)) bad(`services[${i}].provider`);
  const checks = obj(s.checks, `services[${i}].checks`);
  const perf = obj(s.performance, `services[${i}].performance`);
  const optional = (key: string) => (perf[key] === undefined || perf[key] === null ? null : metric(perf[key], key));
  return {
    serviceType: text(s.serviceType, `services[${i}].serviceType`),
    model: text(s.model, `services[${i}].model`),
    provider: provider.toLowerCase(),
    status: status as ReportedStatus,
    checks: {
      total: num(checks.total, 'checks.total'),
      successful: num(checks.successful, 'checks.successful'),
      failed: num(checks.failed, 'checks.failed'),
      uptime: num(checks.uptime, 'checks.uptime'),
    },
    responseTime: metric(perf.response_time, 'response_time'),
    ttft: optional('ttft'),
    tokensPerSecond: optional('tokens_per_second'),
    lastCheck: s.lastCheck === null || s.lastCheck === undefined ? null : time(s.lastCheck, 'lastCheck'),
  };
}

/** Checks the status service's JSON field by field; throws StatusReportError('malformed') at the first misfit. */
export function parseStatusReport(json: unknown): StatusReport {
  const r = obj(json, 'not an object');
  const summary = obj(r.summary, 'summary');
  if (!Array.isArray(r.services) || r.services.length > MAX_SERVICES) bad('services');
  if (typeof r.isMonitoring !== 'boolean') bad('isMonitoring');
  const s = (k: string) => num(summary[k], `summary.${k}`);
  return {
    status: text(r.status, 'status'),
    timestamp: time(r.timestamp, 'timestamp'),
    isMonitoring: r.isMonitoring,
    summary: {
      totalServices: s('totalServices'),
      healthy: s('healthy'),
      warning: s('warning'),
      critical: s('critical'),
      overallUptime: s('overallUptime'),
    },
    services: (r.services as unknown[]).map(service),
  };
}

/** GETs and parses the report; every failure is a StatusReportError naming what went wrong. */
export async function fetchStatusReport(url: string, fetchImpl: typeof fetch = fetch, timeoutMs = 10_000) {
  let res: Response;
  try {
    res = await fetchImpl(url, { cache: 'no-store', credentials: 'omit', signal: AbortSignal.timeout(timeoutMs) });
  } catch {
    throw new StatusReportError('unreachable', "0G's status service could not be reached.");
  }
  if (!res.ok) throw new StatusReportError('http', `0G's status service answered HTTP ${res.status}.`);
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new StatusReportError('malformed', "0G's status service answered something that is not JSON.");
  }
  return parseStatusReport(json);
}

/** The report's entry for a provider (the one of its model and type when it lists several), or null. */
export function serviceStatusOf(
  report: StatusReport,
  s: { provider: string; model: string; serviceType: string },
): ServiceStatus | null {
  const mine = report.services.filter((x) => x.provider === s.provider.toLowerCase());
  return mine.find((x) => x.model === s.model && x.serviceType === s.serviceType) ?? mine[0] ?? null;
}
