import { probes } from './probe-scheduler';
import { probeUrl, type ProbeResult } from './probe';
import type { ServiceStatus, StatusReport } from './status-report';
import { serviceStatusOf } from './status-report';

/** What the marketplace sorts and filters by: answering now (null: not known yet) and how fast. */
export interface HealthFacts {
  answering: boolean | null;
  latencyMs: number | null;
}

interface Described {
  url: string;
  provider: string;
  model: string;
  serviceType: string;
}

export interface HealthSources {
  probe: (url: string) => ProbeResult | undefined;
  reported: (s: Described) => ServiceStatus | null;
}

// The report of the network on screen, kept here too so the marketplace's plain sort can read it.
let shownReport: StatusReport | null = null;

/** Remembers the status report of the network on screen (null when there is none). */
export function rememberReport(report: StatusReport | null): void {
  shownReport = report;
}

const appSources: HealthSources = {
  probe: (url) => probes.get(url),
  reported: (s) => (shownReport ? serviceStatusOf(shownReport, s) : null),
};

/**
 * This browser's last check first (it is the user's own view of the provider); 0G's reported figures when the
 * browser has not checked yet. Only looks results up: checks run for providers on screen (see ProbeScheduler).
 */
export function healthFacts(s: Described, sources: HealthSources = appSources): HealthFacts {
  // Lookup only, so http to this machine is allowed here: off the devnet no check of such a URL ever ran.
  const url = probeUrl(s.url, true);
  const probe = url ? sources.probe(url) : undefined;
  if (probe) {
    const answering = probe.state === 'answers';
    return { answering, latencyMs: answering ? probe.latencyMs : null };
  }
  const reported = sources.reported(s);
  if (!reported) return { answering: null, latencyMs: null };
  return {
    answering: reported.status !== 'critical',
    latencyMs: reported.responseTime.samples > 0 ? reported.responseTime.p50 : null,
  };
}
