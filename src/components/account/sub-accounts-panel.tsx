import type { Address } from 'viem';
import { inferenceAbi, fineTuningAbi, ledgerAbi } from '../../lib/chain/abi';
import { usableBalance, type SubAccount, type SubAccountKind } from '../../lib/chain/ledger-reads';
import type { Service } from '../../lib/chain/services';
import { LOW_RUNWAY, runway, runwayAssumption } from '../../lib/account/runway';
import { sameAddress } from '../../lib/address';
import { shortAddress } from '../../lib/format';
import { TYPE_LABEL } from '../../lib/marketplace';
import { og } from '../../lib/units';
import { formatDuration, useChainNow } from '../../hooks/account/use-chain-now';
import { useContractTx } from '../../hooks/chain/use-contract-tx';
import { useServices } from '../../hooks/marketplace/use-services';
import { useNetwork } from '../../hooks/network/use-network';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Panel } from '../ui/panel';
import { FundButton } from './fund-button';

const KIND_LABEL: Record<SubAccountKind, string> = { inference: 'Inference', 'fine-tuning': 'Fine-tuning' };

interface Props {
  accounts: SubAccount[];
  serviceNames: Record<SubAccountKind, string>;
  onRefresh: () => void;
}

/** One row per provider sub-account: balance, refunds with a live countdown, acknowledgement, runway and actions. */
export function SubAccountsPanel({ accounts, serviceNames, onRefresh }: Props) {
  const { network } = useNetwork();
  const services = useServices();
  const now = useChainNow();
  const { send, pending } = useContractTx();
  const retrieve = (kind: SubAccountKind, providers: Address[], label: string) =>
    send(
      {
        address: network.contracts.ledger,
        abi: ledgerAbi,
        functionName: 'retrieveFund',
        args: [providers, serviceNames[kind]],
      },
      label,
    );
  // One call per contract rather than a union of the two ABIs, so each is checked against its own.
  const acknowledge = (kind: SubAccountKind, provider: Address) => {
    const args = [provider, true] as const;
    const label = `Acknowledge ${shortAddress(provider)}`;
    return kind === 'inference'
      ? send(
          { address: network.contracts.inference, abi: inferenceAbi, functionName: 'acknowledgeTEESigner', args },
          label,
        )
      : send(
          { address: network.contracts.fineTuning, abi: fineTuningAbi, functionName: 'acknowledgeTEESigner', args },
          label,
        );
  };

  return (
    <Panel
      title="Provider sub-accounts"
      action={
        <div className="flex flex-wrap gap-2">
          <FundButton size="sm" label="Fund a provider" />
          <Button size="sm" variant="ghost" onClick={onRefresh}>
            Refresh
          </Button>
        </div>
      }
    >
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
        Retrieving is two steps: the first press asks for a refund, which stays locked for the contract&apos;s lock
        time; once unlocked, press again to move it back to the ledger.
      </p>
      {(['inference', 'fine-tuning'] as const).map((kind) => {
        const rows = accounts.filter((a) => a.kind === kind);
        const withFunds = rows.filter((a) => a.balance > 0n).map((a) => a.provider);
        return (
          <section key={kind} aria-label={`${KIND_LABEL[kind]} sub-accounts`} className="mb-5">
            <div className="mb-2 flex items-center justify-between gap-2">
              <h3 className="font-medium">{KIND_LABEL[kind]}</h3>
              {withFunds.length > 0 && (
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={pending !== null}
                  onClick={() => void retrieve(kind, withFunds, `Retrieve from all ${kind} providers`)}
                >
                  Retrieve all ({withFunds.length})
                </Button>
              )}
            </div>
            {rows.length === 0 ? (
              <p className="text-sm text-zinc-500 dark:text-zinc-400">No {kind} sub-accounts yet.</p>
            ) : (
              <ul className="flex flex-col gap-2">
                {rows.map((a) => (
                  <Row
                    key={a.provider}
                    account={a}
                    service={services.data?.find((s) => sameAddress(s.provider, a.provider))}
                    now={now}
                    busy={pending !== null}
                    onRetrieve={() => void retrieve(kind, [a.provider], `Retrieve from ${shortAddress(a.provider)}`)}
                    onAcknowledge={() => void acknowledge(kind, a.provider)}
                  />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </Panel>
  );
}

interface RowProps {
  account: SubAccount;
  service: Service | undefined;
  now: bigint | null;
  busy: boolean;
  onRetrieve: () => void;
  onAcknowledge: () => void;
}

function Row({ account: a, service, now, busy, onRetrieve, onAcknowledge }: RowProps) {
  const usable = usableBalance(a);
  const left = service ? runway(usable, service.serviceType, service.inputPrice, service.outputPrice) : null;
  const low = left !== null && left < LOW_RUNWAY;
  const title = service ? service.model : a.kind === 'fine-tuning' ? 'Fine-tuning provider' : 'Provider';
  return (
    <li
      aria-label={`Sub-account ${a.provider}`}
      className="rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-medium break-words">{title}</p>
          <p className="font-mono text-xs text-zinc-500 dark:text-zinc-400" title={a.provider}>
            {shortAddress(a.provider)}
            {service && <span className="font-sans"> · {TYPE_LABEL[service.serviceType] ?? service.serviceType}</span>}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {a.acknowledged ? (
            <Badge tone="good">TEE signer acknowledged</Badge>
          ) : (
            <>
              <Badge tone="warn">Not acknowledged</Badge>
              <Button size="sm" variant="secondary" disabled={busy} onClick={onAcknowledge}>
                Acknowledge
              </Button>
            </>
          )}
        </div>
      </div>
      <dl className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
        <div>
          <dt className="text-xs text-zinc-500 dark:text-zinc-400">Balance</dt>
          <dd className="tabular-nums" data-testid="sub-balance">
            {og(a.balance)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-zinc-500 dark:text-zinc-400">Being retrieved</dt>
          <dd className="tabular-nums" data-testid="sub-pending">
            {og(a.pendingRefund)}
          </dd>
        </div>
        <div className="col-span-2">
          <dt className="text-xs text-zinc-500 dark:text-zinc-400">Runway</dt>
          <dd>
            {left === null ? (
              '—'
            ) : (
              <span className={low ? 'text-amber-800 dark:text-amber-300' : undefined}>
                about {left.toString()} requests{service ? ` (${runwayAssumption(service.serviceType)})` : ''}
              </span>
            )}
          </dd>
        </div>
      </dl>
      {a.refunds.length > 0 && (
        <ul aria-label="Pending refunds" className="mt-2 flex flex-col gap-1">
          {a.refunds.map((r, i) => (
            <li key={i} className="text-xs">
              {og(r.amount)}{' '}
              {now === null
                ? '…'
                : r.unlockAt > now
                  ? `unlocks in ${formatDuration(r.unlockAt - now)}`
                  : 'unlocked: press Retrieve to move it to the ledger'}
            </li>
          ))}
        </ul>
      )}
      {low && (
        <p className="mt-2 flex flex-wrap items-center gap-2 text-amber-800 dark:text-amber-300" role="note">
          Low balance: fewer than {LOW_RUNWAY.toString()} typical requests left.
          <FundButton size="sm" target={{ kind: a.kind, provider: a.provider }} label="Top up" />
        </p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <FundButton size="sm" target={{ kind: a.kind, provider: a.provider }} label="Transfer" />
        <Button size="sm" variant="secondary" disabled={busy || a.balance === 0n} onClick={onRetrieve}>
          Retrieve
        </Button>
      </div>
    </li>
  );
}
