import type { Address } from 'viem';
import { useAccount } from 'wagmi';
import { useAccountData } from '../../hooks/account/use-account-data';
import { useUsage } from '../../hooks/usage/use-usage';
import { inferenceSubAccount, usableBalance } from '../../lib/chain/ledger-reads';
import { Panel } from '../ui/panel';
import { QueryError } from '../ui/query-error';
import { UsageFigures } from './usage-figures';
import { USAGE_SOURCES, UsageStatus } from './usage-panel';

/** The provider page's "Your usage": this wallet's figures with one provider; nothing without a wallet. */
export function ProviderUsage({ provider }: { provider: Address }) {
  const { address } = useAccount();
  return (
    <Panel title="Your usage">
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">{USAGE_SOURCES}</p>
      {address ? (
        <Figures user={address} provider={provider} />
      ) : (
        <p className="text-sm">Connect a wallet to see your answers, verdicts and spending with this provider.</p>
      )}
    </Panel>
  );
}

function Figures({ user, provider }: { user: Address; provider: Address }) {
  const usage = useUsage(user);
  const { subAccounts } = useAccountData(user);
  if (usage.recordsError)
    return <QueryError what="this browser's history" error={usage.recordsError} onRetry={usage.retry} />;
  if (!usage.usage)
    return (
      <p role="status" className="text-sm text-zinc-500 dark:text-zinc-400">
        Reading this browser&apos;s history…
      </p>
    );
  const mine = usage.usage.find((u) => u.provider === provider.toLowerCase());
  const sub = inferenceSubAccount(subAccounts.data, provider);
  return (
    <div className="flex flex-col gap-3">
      {mine ? (
        <UsageFigures usage={mine} usable={sub ? usableBalance(sub) : null} />
      ) : (
        <p className="text-sm">No answers or settled fees yet with this provider from this wallet on this network.</p>
      )}
      <UsageStatus usage={usage} />
    </div>
  );
}
