import { absoluteTime, relativeTime } from '../../lib/format';
import type { ServiceStatus, StatusProblem } from '../../lib/health/status-report';
import { Badge } from '../ui/badge';
import { figuresText, problemSentence, REPORTED_LABEL, REPORTED_TONE } from './health-text';

export interface ReportedFiguresProps {
  loading: boolean;
  /** False on a network without a status service. */
  available: boolean;
  problem: StatusProblem | null;
  status: ServiceStatus | null;
  reportedAt: number | null;
  devnet: boolean;
}

function When({ ms }: { ms: number }) {
  const s = Math.floor(ms / 1000);
  return <time title={absoluteTime(s)}>{`${relativeTime(s)} (${absoluteTime(s)})`}</time>;
}

const MUTED = 'text-sm text-zinc-600 dark:text-zinc-400';

/** 0G's status-service figures for one service, labelled as theirs, or a sentence saying why there are none. */
export function ReportedFigures({ loading, available, problem, status, reportedAt, devnet }: ReportedFiguresProps) {
  const source = devnet ? "Reported by 0G's status service (on the devnet, the simulator serves it)" : 'Reported by 0G';
  let body;
  if (problem) body = <p className={MUTED}>{problemSentence(problem)}</p>;
  else if (loading) body = <p className={MUTED}>Asking 0G&apos;s status service…</p>;
  else if (!available)
    body = <p className={MUTED}>This network has no status service: only this browser&apos;s check.</p>;
  else if (!status) body = <p className={MUTED}>0G&apos;s status service does not list this provider.</p>;
  else {
    const rows: Array<[string, React.ReactNode]> = [
      ['Status', <Badge tone={REPORTED_TONE[status.status]}>{REPORTED_LABEL[status.status]}</Badge>],
      [
        'Uptime',
        `${status.checks.uptime}% (${status.checks.successful} of ${status.checks.total} checks, ${status.checks.failed} failed)`,
      ],
      ['Response time p50 / p90', figuresText(status.responseTime)],
      ['Time to first token p50 / p90', figuresText(status.ttft)],
      ['Tokens per second p50 / p90', figuresText(status.tokensPerSecond)],
      ['Last check', status.lastCheck === null ? 'none yet' : <When ms={status.lastCheck} />],
      ['Report made', reportedAt === null ? 'unknown' : <When ms={reportedAt} />],
    ];
    body = (
      <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
            <dd className="min-w-0 break-words">{value}</dd>
          </div>
        ))}
      </dl>
    );
  }
  return (
    <section aria-label={source} className="flex flex-col gap-2">
      <h3 className="text-sm font-semibold">{source}</h3>
      {body}
    </section>
  );
}
