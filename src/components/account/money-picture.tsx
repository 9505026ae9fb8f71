import type { LedgerInfo, SubAccount } from '../../lib/chain/ledger-reads';
import { shortAddress } from '../../lib/format';
import { og } from '../../lib/units';
import { Panel } from '../ui/panel';

const COLORS = [
  'bg-violet-500',
  'bg-sky-500',
  'bg-emerald-500',
  'bg-amber-500',
  'bg-rose-500',
  'bg-teal-500',
  'bg-fuchsia-500',
];

interface Part {
  label: string;
  value: bigint;
  color: string;
}

/** Shares in hundredths of a percent, from bigint amounts (no float until the final division). */
const share = (v: bigint, total: bigint) => (total === 0n ? 0 : Number((v * 10_000n) / total) / 100);

function Bar({ title, parts }: { title: string; parts: Part[] }) {
  const total = parts.reduce((sum, p) => sum + p.value, 0n);
  return (
    <div>
      <h3 className="mb-1 text-sm font-medium">
        {title} <span className="font-normal text-zinc-500 dark:text-zinc-400">({og(total, 4)})</span>
      </h3>
      <div
        role="img"
        aria-label={`${title}: ${parts.map((p) => `${p.label} ${og(p.value, 4)}`).join(', ')}`}
        className="flex h-5 w-full overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800"
      >
        {parts.map((p) =>
          p.value > 0n ? (
            <div
              key={p.label}
              className={`${p.color} h-full`}
              style={{ width: `${share(p.value, total)}%`, minWidth: '3px' }}
            />
          ) : null,
        )}
      </div>
      <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2">
        {parts.map((p) => (
          <li key={p.label} className="flex items-center gap-2">
            <span aria-hidden="true" className={`size-3 shrink-0 rounded-sm ${p.color}`} />
            <span className="flex-1 truncate">{p.label}</span>
            <span className="tabular-nums">{og(p.value, 4)}</span>
            <span className="w-14 text-right text-xs text-zinc-500 dark:text-zinc-400 tabular-nums">
              {share(p.value, total).toFixed(1)}%
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Where the user's 0G sits, to scale at each step of the flow: wallet and ledger, then inside the
 * ledger what is available and what each sub-account holds.
 */
export function MoneyPicture({
  wallet,
  ledger,
  accounts,
}: {
  wallet: bigint;
  ledger: LedgerInfo | null;
  accounts: SubAccount[];
}) {
  const funded = accounts.filter((a) => a.balance > 0n);
  return (
    <Panel title="Where your 0G is">
      <div className="flex flex-col gap-5">
        <Bar
          title="Wallet and ledger"
          parts={[
            { label: 'Wallet', value: wallet, color: 'bg-zinc-400' },
            { label: 'Ledger', value: ledger?.total ?? 0n, color: 'bg-violet-500' },
          ]}
        />
        {ledger && (
          <Bar
            title="Inside the ledger"
            parts={[
              { label: 'Available', value: ledger.available, color: 'bg-violet-300' },
              ...funded.map((a, i) => ({
                label: `${a.kind === 'inference' ? 'Sub-account' : 'Fine-tuning'} ${shortAddress(a.provider)}`,
                value: a.balance,
                color: COLORS[(i + 1) % COLORS.length] ?? 'bg-sky-500',
              })),
            ]}
          />
        )}
      </div>
      <p className="mt-3 text-xs text-zinc-500 dark:text-zinc-400">
        Wallet → ledger (deposit) → provider sub-accounts (transfer); providers charge sub-accounts as you use them.
      </p>
    </Panel>
  );
}
