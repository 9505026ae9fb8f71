import { latencyText } from '../../lib/health/probe';
import type { MetricFigures, ReportedStatus, StatusProblem } from '../../lib/health/status-report';

/** "120 ms / 480 ms" (p50 / p90), in the metric's own unit (untrusted text, shown as text). */
export function figuresText(m: MetricFigures | null): string {
  if (!m || m.samples === 0) return 'no samples yet';
  const one = (n: number) => (m.unit === 'ms' ? latencyText(n) : `${n} ${m.unit}`);
  return `${one(m.p50)} / ${one(m.p90)}`;
}

export const REPORTED_LABEL: Record<ReportedStatus, string> = {
  healthy: 'Healthy',
  warning: 'Warning',
  critical: 'Critical',
};

export const REPORTED_TONE = { healthy: 'good', warning: 'warn', critical: 'bad' } as const;

/** Why there are no 0G figures, as a sentence that says what is shown instead. */
export function problemSentence(problem: StatusProblem): string {
  const rest = "so only this browser's own check is shown.";
  if (problem === 'unreachable') return `0G's status service could not be reached, ${rest}`;
  if (problem === 'http') return `0G's status service answered with an error, ${rest}`;
  return `0G's status service answered in an unexpected format, ${rest}`;
}
