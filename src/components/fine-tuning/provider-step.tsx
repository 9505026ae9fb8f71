import type { Address } from 'viem';
import { useAttestationCheck } from '../../hooks/provider/use-attestation';
import { sameAddress } from '../../lib/address';
import type { FineTuningService } from '../../lib/chain/services';
import { shortAddress } from '../../lib/format';
import { og } from '../../lib/units';
import { AttestationPanel } from '../provider/attestation-panel';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';

/**
 * Step 1: the network's fine-tuning providers with their hardware and price, and the chosen one's
 * TEE attestation, checked here before any data leaves the browser. A failed or incomplete check
 * is shown and has to be acknowledged to go on.
 */
export function ProviderStep({
  services,
  chosen,
  acceptedFor,
  onChoose,
  onAccept,
  onNext,
}: {
  services: FineTuningService[];
  chosen: FineTuningService | undefined;
  acceptedFor: string | undefined;
  onChoose: (provider: Address) => void;
  onAccept: (provider: string | undefined) => void;
  onNext: () => void;
}) {
  return (
    <div className="flex flex-col gap-4">
      <fieldset>
        <legend className="text-sm font-medium">Choose a fine-tuning provider</legend>
        <ul className="mt-2 grid gap-3 md:grid-cols-2">
          {services.map((s) => (
            <li key={s.provider}>
              <label className="flex cursor-pointer gap-3 rounded-lg border border-zinc-200 p-3 text-sm has-[:checked]:border-violet-500 dark:border-zinc-800">
                <input
                  type="radio"
                  name="ft-provider"
                  checked={sameAddress(chosen?.provider, s.provider)}
                  onChange={() => onChoose(s.provider)}
                  className="mt-1"
                />
                <span className="flex min-w-0 flex-col gap-1">
                  <span className="font-medium break-all">Provider {shortAddress(s.provider)}</span>
                  <span className="break-words">
                    {s.quota.gpuCount.toString()} × {s.quota.gpuType || 'GPU'}, {s.quota.nodeMemory.toString()} GB
                    memory, {s.quota.cpuCount.toString()} CPUs
                  </span>
                  <span>{og(s.pricePerToken, 12)} per token</span>
                  <span className="flex flex-wrap gap-1">
                    <Badge tone={s.occupied ? 'warn' : 'good'}>{s.occupied ? 'Occupied' : 'Free'}</Badge>
                    <Badge tone={s.teeSignerAcknowledged ? 'good' : 'bad'}>
                      {s.teeSignerAcknowledged ? 'TEE signer acknowledged' : 'TEE signer not acknowledged'}
                    </Badge>
                  </span>
                  <span className="text-xs break-words text-zinc-600 dark:text-zinc-400">
                    Models: {s.models.join(', ') || 'none listed'}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {chosen && <Attested service={chosen} acceptedFor={acceptedFor} onAccept={onAccept} onNext={onNext} />}
    </div>
  );
}

function Attested({
  service,
  acceptedFor,
  onAccept,
  onNext,
}: {
  service: FineTuningService;
  acceptedFor: string | undefined;
  onAccept: (provider: string | undefined) => void;
  onNext: () => void;
}) {
  const { outcome } = useAttestationCheck(service.provider, 'fine-tuning');
  const overall = outcome?.summary.overall;
  const accepted = sameAddress(acceptedFor, service.provider);
  const canGo = overall === 'passed' || (overall !== undefined && accepted);
  return (
    <>
      <AttestationPanel provider={service.provider} kind="fine-tuning" />
      {overall !== undefined && overall !== 'passed' && (
        <label className="flex items-start gap-2 rounded-lg bg-amber-50 p-3 text-sm dark:bg-amber-950">
          <input
            type="checkbox"
            checked={accepted}
            onChange={(e) => onAccept(e.target.checked ? service.provider : undefined)}
            className="mt-1"
          />
          <span>
            The attestation check did not pass. I have read it and still want to send my dataset to this provider.
          </span>
        </label>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={onNext} disabled={!canGo}>
          Continue to the model
        </Button>
        {overall === undefined && (
          <span className="text-sm text-zinc-600 dark:text-zinc-400">
            Check the provider’s attestation first: your dataset goes to its TEE.
          </span>
        )}
      </div>
    </>
  );
}
