import { useProbe } from '../../hooks/health/use-probe';
import { useServiceStatus } from '../../hooks/health/use-status-report';
import { useNetwork } from '../../hooks/network/use-network';
import type { Service } from '../../lib/chain/services';
import { absoluteTime } from '../../lib/format';
import { probeVerdict } from '../../lib/health/probe';
import { Badge } from '../ui/badge';
import { Panel } from '../ui/panel';
import { ReportedFigures } from './reported-figures';

/** The provider page's health: this browser's own check of the endpoint, then 0G's reported figures. */
export function HealthPanel({ service }: { service: Service }) {
  const { network } = useNetwork();
  const { ref, url, result, running } = useProbe(service.url);
  const reported = useServiceStatus(service);
  const verdict = probeVerdict(result, running);
  return (
    <Panel title="Health">
      <div ref={ref} className="flex flex-col gap-4">
        <section aria-label="This browser's check" className="flex flex-col gap-2">
          <h3 className="text-sm font-semibold">This browser&apos;s check</h3>
          {url ? (
            <>
              <p className="flex flex-wrap items-center gap-2 text-sm">
                <Badge tone={verdict.tone}>{verdict.label}</Badge>
                <span className="text-zinc-600 dark:text-zinc-400">{verdict.detail}</span>
              </p>
              <p className="text-xs text-zinc-500 dark:text-zinc-400">
                GET <span className="font-mono break-all">{url}</span>
                {result && <> · checked at {absoluteTime(Math.floor(result.at / 1000))}</>}
              </p>
            </>
          ) : (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Not checked: its registered URL is not one this app calls.
            </p>
          )}
        </section>
        <ReportedFigures {...reported} devnet={network.kind === 'devnet'} />
      </div>
    </Panel>
  );
}
