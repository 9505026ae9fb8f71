import type { Address } from 'viem';
import { useAttestationCheck } from '../../hooks/provider/use-attestation';
import { verificationMode } from '../../lib/verify/mode';
import { Badge, type BadgeTone } from '../ui/badge';
import { Button } from '../ui/button';

const OVERALL: Record<string, [string, BadgeTone]> = {
  passed: ['Attestation passed', 'good'],
  failed: ['Attestation failed', 'bad'],
  incomplete: ['Attestation incomplete', 'warn'],
};

/** Compact attestation status for the compare view: the last check's result, or a button to run it. */
export function AttestationStatus({ provider, verifiability }: { provider: Address; verifiability: string }) {
  const { run, outcome } = useAttestationCheck(provider);
  if (verificationMode(verifiability) === 'none') return <Badge>No TEE to attest</Badge>;
  if (run.isPending) return <Badge>Checking…</Badge>;
  if (run.isError) return <Badge tone="bad">Check could not run</Badge>;
  if (outcome) {
    const [label, tone] = OVERALL[outcome.summary.overall] ?? ['Unknown', 'neutral'];
    return <Badge tone={tone}>{label}</Badge>;
  }
  return (
    <Button size="sm" variant="secondary" onClick={() => run.mutate()}>
      Check attestation
    </Button>
  );
}
