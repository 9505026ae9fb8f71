import { Link } from 'react-router';
import type { Address } from 'viem';
import { paths } from '../../config/routes';
import { useChainNow } from '../../hooks/account/use-chain-now';
import { useHistory } from '../../hooks/account/use-history';
import { useNetwork } from '../../hooks/network/use-network';
import type { HistoryEntry } from '../../lib/chain/history';
import { explorerTxUrl } from '../../lib/chain/networks';
import { absoluteTime, relativeTime, shortAddress } from '../../lib/format';
import { og } from '../../lib/units';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { CopyButton } from '../ui/copy-button';
import { Panel } from '../ui/panel';
import { QueryError } from '../ui/query-error';

const CELL = 'px-3 py-2 align-top whitespace-nowrap';

function Provider({ entry }: { entry: HistoryEntry }) {
  if (!entry.provider) return <>—</>;
  const text = shortAddress(entry.provider);
  // Only inference providers have a page of their own.
  return entry.service === 'inference' ? (
    <Link to={paths.provider(entry.provider)} title={entry.provider} className="font-mono hover:underline">
      {text}
    </Link>
  ) : (
    <span title={entry.provider} className="font-mono">
      {text}
    </span>
  );
}

/** The account's transactions as the chain records them, newest first, with explorer links where the network has one. */
export function HistoryTable({ user }: { user: Address }) {
  const { network } = useNetwork();
  const history = useHistory(user);
  // Block times are compared with the chain's clock, which jumps ahead on the devnet.
  const now = useChainNow();
  const ago = (t: bigint) => (now === null ? relativeTime(t) : relativeTime(t, Number(now) * 1000));

  return (
    <Panel
      title="Transactions"
      action={
        <Button size="sm" variant="ghost" onClick={() => void history.refetch()} disabled={history.isFetching}>
          {history.isFetching && !history.isPending ? 'Refreshing…' : 'Refresh'}
        </Button>
      }
    >
      {history.isPending ? (
        <p role="status" className="text-sm text-zinc-500 dark:text-zinc-400">
          Reading transactions from the chain…
        </p>
      ) : history.isError ? (
        <QueryError what="the transaction history" error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No transactions on {network.chain.name} yet.</p>
      ) : (
        <div className="-mx-5 overflow-x-auto px-5">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Transaction history</caption>
            <thead className="text-xs text-zinc-500 dark:text-zinc-400">
              <tr className="border-b border-zinc-200 dark:border-zinc-800">
                {['Type', 'Amount', 'Provider', 'Time', 'Status', 'Transaction'].map((h) => (
                  <th key={h} scope="col" className={`${CELL} font-medium`}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {history.data.map((e) => {
                const href = explorerTxUrl(network, e.hash);
                return (
                  <tr
                    key={`${e.hash}:${e.logIndex ?? ''}`}
                    className="border-b border-zinc-100 last:border-0 dark:border-zinc-800"
                  >
                    <td className={`${CELL} font-medium`}>{e.type}</td>
                    <td className={`${CELL} tabular-nums`}>{e.amount === null ? '—' : og(e.amount, 18)}</td>
                    <td className={CELL}>
                      <Provider entry={e} />
                    </td>
                    <td className={CELL}>
                      <time
                        dateTime={new Date(Number(e.timestamp) * 1000).toISOString()}
                        title={absoluteTime(e.timestamp)}
                      >
                        {ago(e.timestamp)}
                      </time>
                    </td>
                    <td className={CELL}>
                      {e.status === 'success' ? (
                        <Badge tone="good">Confirmed</Badge>
                      ) : (
                        <Badge tone="bad">Reverted</Badge>
                      )}
                    </td>
                    <td className={CELL}>
                      <span className="inline-flex items-center gap-1" data-hash={e.hash}>
                        {href ? (
                          <a
                            href={href}
                            target="_blank"
                            rel="noreferrer"
                            title={`${e.hash} on the explorer`}
                            className="font-mono text-violet-700 hover:underline dark:text-violet-300"
                          >
                            {shortAddress(e.hash)}
                          </a>
                        ) : (
                          <span title={e.hash} className="font-mono">
                            {shortAddress(e.hash)}
                          </span>
                        )}
                        <CopyButton value={e.hash} label="Copy transaction hash" />
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
