import type { Address } from 'viem';
import { useAttestationCheck } from '../../hooks/provider/use-attestation';
import type { ServiceKind } from '../../lib/broker';
import { downloadText } from '../../lib/download';
import { toAppError } from '../../lib/errors';
import type { CheckStatus } from '../../lib/verify/attestation';
import { Badge, type BadgeTone } from '../ui/badge';
import { Button } from '../ui/button';
import { Panel } from '../ui/panel';

const STATUS_TONE: Record<CheckStatus, BadgeTone> = { passed: 'good', failed: 'bad', 'not run': 'neutral' };
const OVERALL_TEXT = {
  passed: ['Attestation passed', 'Every automated check passed. The manual steps below complete the picture.'],
  failed: ['Attestation failed', 'At least one automated check failed: do not trust this provider’s TEE claims.'],
  incomplete: ['Attestation incomplete', 'Some checks could not run, so this is not a pass.'],
} as const;

/** "Check attestation": runs verifyService with a live log and shows each automated check on its own. */
export function AttestationPanel({ provider, kind = 'inference' }: { provider: Address; kind?: ServiceKind }) {
  const { run, log, outcome } = useAttestationCheck(provider, kind);
  const error = run.isError ? toAppError(run.error) : null;
  return (
    <Panel
      title="TEE attestation"
      action={
        <Button onClick={() => run.mutate()} disabled={run.isPending}>
          {run.isPending ? 'Checking…' : outcome ? 'Check again' : 'Check attestation'}
        </Button>
      }
    >
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Downloads the provider’s attestation report and checks it against the chain. Runs in your browser; no wallet
        needed.
      </p>
      {error && (
        <div role="alert" className="mt-4 rounded-lg bg-red-50 p-3 text-sm dark:bg-red-950">
          <p className="font-medium">The check could not run: no result.</p>
          <p className="mt-1 break-words">{error.details}</p>
        </div>
      )}
      {outcome && !run.isPending && (
        <div className="mt-4 flex flex-col gap-3">
          <div role="status" className="flex flex-wrap items-center gap-2">
            <Badge tone={STATUS_TONE[outcome.summary.overall === 'incomplete' ? 'not run' : outcome.summary.overall]}>
              {OVERALL_TEXT[outcome.summary.overall][0]}
            </Badge>
            <span className="text-sm">{OVERALL_TEXT[outcome.summary.overall][1]}</span>
          </div>
          <ul aria-label="Automated checks" className="flex flex-col gap-2">
            {outcome.summary.checks.map((c) => (
              <li key={c.id} className="rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
                <div className="flex items-center justify-between gap-2">
                  <span className="font-medium">{c.label}</span>
                  <Badge tone={STATUS_TONE[c.status]}>{c.status}</Badge>
                </div>
                <p className="mt-1 font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">{c.detail}</p>
              </li>
            ))}
          </ul>
          {outcome.summary.manualSteps.length > 0 && (
            <details className="text-sm">
              <summary className="cursor-pointer font-medium">Manual steps to complete the verification</summary>
              <pre className="mt-2 max-h-72 overflow-auto rounded-lg bg-zinc-100 p-3 text-xs whitespace-pre-wrap dark:bg-zinc-950">
                {outcome.summary.manualSteps.join('\n')}
              </pre>
            </details>
          )}
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            Checked {new Date(outcome.checkedAt).toLocaleString()}. The TDX quote itself is not checked in the browser.
          </p>
          <Button
            variant="secondary"
            size="sm"
            className="self-start"
            onClick={() =>
              downloadText(`attestation-${outcome.provider}.json`, 'application/json', JSON.stringify(outcome, null, 2))
            }
          >
            Download report (JSON)
          </Button>
        </div>
      )}
      {(run.isPending || log.length > 0) && (
        <details open={run.isPending} className="mt-4 text-sm">
          <summary className="cursor-pointer font-medium">Step log ({log.length} lines)</summary>
          <ol
            aria-label="Attestation step log"
            className="mt-2 max-h-72 overflow-auto rounded-lg bg-zinc-100 p-3 font-mono text-xs dark:bg-zinc-950"
          >
            {log.map((s, i) => (
              <li
                key={i}
                className={
                  s.type === 'error' ? 'text-red-700 dark:text-red-400' : s.type === 'step' ? 'font-semibold' : ''
                }
              >
                {s.message || '\u00a0'}
              </li>
            ))}
          </ol>
        </details>
      )}
    </Panel>
  );
}
