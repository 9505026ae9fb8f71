import { useFineTuningAccount, useFineTuningTx } from '../../hooks/fine-tuning/use-fine-tuning-chain';
import { spendable } from '../../lib/chain/fine-tuning-reads';
import type { FineTuningService } from '../../lib/chain/services';
import { feeSentence, fineTuningFee } from '../../lib/fine-tuning/fee';
import { og } from '../../lib/units';
import { FundButton } from '../account/fund-button';
import { Button } from '../ui/button';
import { QueryError } from '../ui/query-error';

/** What the cost step found: whether the task can be paid and settled, for the wizard's next step. */
export function costReady(balance: bigint, acknowledged: boolean, fee: bigint): boolean {
  return acknowledged && balance >= fee;
}

/**
 * Step 5: the fee (dataset tokens × price per token), the fine-tuning sub-account's balance, and
 * the manual ways to cover it: the Fund dialog for this provider's fine-tuning sub-account, and the
 * acknowledgement of the provider's TEE signer the contract needs before it can settle. Nothing is
 * funded automatically.
 */
export function CostStep({
  service,
  tokens,
  onBack,
  onNext,
}: {
  service: FineTuningService;
  tokens: number;
  onBack: () => void;
  onNext: () => void;
}) {
  const account = useFineTuningAccount(service.provider);
  const tx = useFineTuningTx();
  const fee = fineTuningFee(tokens, service.pricePerToken);
  if (account.isPending) return <p className="text-sm">Reading your fine-tuning sub-account…</p>;
  if (account.isError)
    return (
      <QueryError what="your fine-tuning sub-account" error={account.error} onRetry={() => void account.refetch()} />
    );
  const balance = spendable(account.data);
  const short = balance < fee;
  const acknowledged = account.data?.acknowledged ?? false;
  return (
    <div className="flex flex-col gap-4 text-sm">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-medium">Estimated fee</dt>
        <dd>{feeSentence({ tokens, pricePerToken: service.pricePerToken }, (n) => og(n, 12))}</dd>
        <dt className="font-medium">Fine-tuning sub-account</dt>
        <dd>{account.data ? `${og(balance, 12)} available` : 'None yet with this provider'}</dd>
      </dl>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        The provider counts the tokens itself and states the fee it charges on the task; it is taken from this
        sub-account only after you accept the delivered model.
      </p>
      {short ? (
        <div className="flex flex-col gap-2 rounded-lg bg-amber-50 p-3 dark:bg-amber-950">
          <p>
            The sub-account holds {og(balance, 12)}, short of the {og(fee, 12)} fee. Move funds to it from your ledger
            (a wallet transaction you choose the amount of).
          </p>
          <FundButton
            className="self-start"
            label="Fund this provider"
            target={{ kind: 'fine-tuning', provider: service.provider }}
          />
        </div>
      ) : (
        <p role="status">The sub-account covers the fee.</p>
      )}
      {account.data && !acknowledged && (
        <div className="flex flex-col gap-2 rounded-lg bg-amber-50 p-3 dark:bg-amber-950">
          <p>
            Acknowledge this provider’s TEE signer: the contract settles a task’s fee only for a signer you accepted, so
            the provider refuses tasks until then. One wallet transaction, no funds move.
          </p>
          <Button
            className="self-start"
            onClick={() => void tx.acknowledgeSigner(service.provider)}
            disabled={tx.pending !== null}
          >
            {tx.pending ? 'Acknowledging…' : 'Acknowledge the TEE signer'}
          </Button>
        </div>
      )}
      <div className="flex gap-3">
        <Button variant="ghost" onClick={onBack}>
          Back
        </Button>
        <Button onClick={onNext} disabled={!costReady(balance, acknowledged, fee)}>
          Continue to create the task
        </Button>
      </div>
    </div>
  );
}
