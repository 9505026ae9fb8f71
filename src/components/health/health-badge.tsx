import { useProbe } from '../../hooks/health/use-probe';
import { useServiceStatus } from '../../hooks/health/use-status-report';
import { probeVerdict } from '../../lib/health/probe';
import { cn } from '../../lib/cn';
import { Badge } from '../ui/badge';
import { REPORTED_LABEL } from './health-text';

interface Described {
  url: string;
  provider: string;
  model: string;
  serviceType: string;
}

/**
 * A provider's health in one line: this browser's last check (run while this line is on screen, at most once a
 * minute) and, when 0G's status service lists it, its reported status and uptime. The same on cards and pickers.
 */
export function HealthBadge({ service, className }: { service: Described; className?: string }) {
  const { ref, url, result, running } = useProbe(service.url);
  const { status } = useServiceStatus(service);
  const verdict = probeVerdict(result, running);
  return (
    <span ref={ref} className={cn('inline-flex flex-wrap items-center gap-1.5 text-xs', className)}>
      <span className="text-zinc-500 dark:text-zinc-400">Health</span>
      {url ? (
        <Badge tone={verdict.tone} title={verdict.detail}>
          {verdict.label}
        </Badge>
      ) : (
        <Badge tone="neutral" title="Its registered URL is not one this app calls">
          Not checked
        </Badge>
      )}
      {status && (
        <span className="text-zinc-600 dark:text-zinc-400">
          0G reports {REPORTED_LABEL[status.status].toLowerCase()}, {status.checks.uptime}% up
        </span>
      )}
    </span>
  );
}
