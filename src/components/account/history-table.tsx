import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Address } from 'viem';
import { paths } from '../../config/routes';
import { useChainNow } from '../../hooks/account/use-chain-now';
import { useHistory } from '../../hooks/account/use-history';
import { useNetwork } from '../../hooks/network/use-network';
import type { HistoryEntry } from '../../lib/chain/history';
import { explorerTxUrl } from '../../lib/chain/networks';
import { cn } from '../../lib/cn';
import { absoluteTime, relativeTime, shortAddress } from '../../lib/format';
import { og } from '../../lib/units';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { CopyButton } from '../ui/copy-button';
import { Panel } from '../ui/panel';
import { QueryError } from '../ui/query-error';

const COLUMNS = ['Type', 'Amount', 'Provider', 'Time', 'Status', 'Transaction'] as const;
const CELL = 'px-3 py-2 align-top whitespace-nowrap max-md:px-0 max-md:whitespace-normal';

/**
 * One cell. On a phone the table's parts become blocks (explicit roles keep them a table for screen
 * readers, which drop a restyled table's semantics otherwise) and each cell shows its column's name,
 * hidden from screen readers, which already announce the column header.
 */
function Cell({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <td role="cell" className={cn(CELL, 'max-md:flex max-md:items-center max-md:gap-3 max-md:py-0.5', className)}>
      <span aria-hidden="true" className="w-24 shrink-0 text-xs font-normal text-zinc-500 md:hidden dark:text-zinc-400">
        {label}
      </span>
      {children}
    </td>
  );
}

function Provider({ entry }: { entry: HistoryEntry }) {
  if (!entry.provider) return <>—</>;
  const text = shortAddress(entry.provider);
  // Only inference providers have a page of their own.
  return entry.service === 'inference' ? (
    <Link
      to={paths.provider(entry.provider)}
      title={entry.provider}
      className="inline-flex min-h-6 items-center font-mono hover:underline"
    >
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
        // Stacked rows below md; from there a table that scrolls inside its own focusable region when long
        // amounts make it wider than the panel, so the page never widens.
        <div
          role="region"
          aria-label="Transaction history"
          tabIndex={0}
          className="-mx-1 overflow-x-auto px-1 focus-visible:outline-2 focus-visible:outline-violet-500"
        >
          <table role="table" className="w-full text-left text-sm max-md:block">
            <caption className="sr-only">Transaction history</caption>
            {/* On a phone each row is a card of label and value pairs; the header row stays for screen readers. */}
            <thead role="rowgroup" className="text-xs text-zinc-500 max-md:sr-only dark:text-zinc-400">
              <tr role="row" className="border-b border-zinc-200 dark:border-zinc-800">
                {COLUMNS.map((h) => (
                  <th key={h} role="columnheader" scope="col" className={cn(CELL, 'font-medium')}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody role="rowgroup" className="max-md:block">
              {history.data.map((e) => {
                const href = explorerTxUrl(network, e.hash);
                return (
                  <tr
                    key={`${e.hash}:${e.logIndex ?? ''}`}
                    role="row"
                    className="border-b border-zinc-100 last:border-0 max-md:block max-md:py-2 dark:border-zinc-800"
                  >
                    <Cell label="Type" className="font-medium">
                      {e.type}
                    </Cell>
                    <Cell label="Amount" className="tabular-nums">
                      {e.amount === null ? '—' : og(e.amount, 18)}
                    </Cell>
                    <Cell label="Provider">
                      <Provider entry={e} />
                    </Cell>
                    <Cell label="Time">
                      <time
                        dateTime={new Date(Number(e.timestamp) * 1000).toISOString()}
                        title={absoluteTime(e.timestamp)}
                      >
                        {ago(e.timestamp)}
                      </time>
                    </Cell>
                    <Cell label="Status">
                      {e.status === 'success' ? (
                        <Badge tone="good">Confirmed</Badge>
                      ) : (
                        <Badge tone="bad">Reverted</Badge>
                      )}
                    </Cell>
                    <Cell label="Transaction">
                      <span className="inline-flex items-center gap-1" data-hash={e.hash}>
                        {href ? (
                          <a
                            href={href}
                            target="_blank"
                            rel="noreferrer"
                            title={`${e.hash} on the explorer`}
                            className="inline-flex min-h-6 items-center font-mono text-violet-700 hover:underline dark:text-violet-300"
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
                    </Cell>
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
