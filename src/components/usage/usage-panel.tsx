import { Link } from 'react-router';
import type { Address } from 'viem';
import { paths } from '../../config/routes';
import { useAccountData } from '../../hooks/account/use-account-data';
import { useServices } from '../../hooks/marketplace/use-services';
import { useUsage } from '../../hooks/usage/use-usage';
import { inferenceSubAccount, usableBalance } from '../../lib/chain/ledger-reads';
import { sameAddress } from '../../lib/address';
import { shortAddress } from '../../lib/format';
import { Panel } from '../ui/panel';
import { QueryError } from '../ui/query-error';
import { UsageFigures } from './usage-figures';

export const USAGE_SOURCES =
  "From this browser's chat, image and speech history and the chain's fee settlements. Nothing leaves the browser.";

/** Status lines shared by the account and provider panels: reading, or a failed read of the settlements. */
export function UsageStatus({ usage }: { usage: ReturnType<typeof useUsage> }) {
  if (usage.spendError)
    return <QueryError what="your fee settlements" error={usage.spendError} onRetry={usage.retry} />;
  return usage.spendPending ? (
    <p role="status" className="text-xs text-zinc-500 dark:text-zinc-400">
      Reading your fee settlements from the chain…
    </p>
  ) : null;
}

/** The account page's "Your usage": one card per provider this wallet used, from local records and settlements. */
export function UsagePanel({ user }: { user: Address }) {
  const usage = useUsage(user);
  const { subAccounts } = useAccountData(user);
  const services = useServices();
  const rows = usage.usage;
  return (
    <Panel title="Your usage">
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">{USAGE_SOURCES}</p>
      {usage.recordsError ? (
        <QueryError what="this browser's history" error={usage.recordsError} onRetry={usage.retry} />
      ) : !rows ? (
        <p role="status" className="text-sm text-zinc-500 dark:text-zinc-400">
          Reading this browser&apos;s history…
        </p>
      ) : rows.length === 0 ? (
        <p className="text-sm">No answers or settled fees yet with this wallet on this network.</p>
      ) : (
        <ul aria-label="Usage per provider" className="flex flex-col gap-4">
          {rows.map((u) => {
            const service = services.data?.find((s) => sameAddress(s.provider, u.provider));
            const sub = inferenceSubAccount(subAccounts.data, u.provider);
            const name = service?.model ?? shortAddress(u.provider);
            return (
              <li
                key={u.provider}
                aria-label={`Usage with ${name}`}
                className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
              >
                <h3 className="mb-3 flex flex-wrap items-baseline gap-2 font-medium">
                  <span className="break-words">{name}</span>
                  <Link
                    to={paths.provider(u.provider)}
                    title={u.provider}
                    className="font-mono text-xs text-violet-700 hover:underline dark:text-violet-300"
                  >
                    {shortAddress(u.provider)}
                  </Link>
                </h3>
                <UsageFigures usage={u} usable={sub ? usableBalance(sub) : null} />
              </li>
            );
          })}
        </ul>
      )}
      <div className="mt-3">
        <UsageStatus usage={usage} />
      </div>
    </Panel>
  );
}
