import type { ProofRow, RowStatus } from '../../lib/proof/check';

// The look of the badge detail's check list (src/components/chat/verification-badge.tsx), so a proof checked here
// reads like the badge it came from.
const STATE_WORD: Record<RowStatus, string> = { passed: 'Passed', failed: 'Failed', 'not-run': 'Not run' };

const STATE_TONE: Record<RowStatus, string> = {
  passed: 'text-emerald-700 dark:text-emerald-400',
  failed: 'text-red-700 dark:text-red-400',
  'not-run': 'text-zinc-600 dark:text-zinc-300',
};

/** The shape carries the state as well as the colour: a tick, a cross, a dash. */
const ICON_PATH: Record<RowStatus, string> = {
  passed: 'M5 8.5 7 10.5 11 6',
  failed: 'M5.5 5.5l5 5m0-5-5 5',
  'not-run': 'M5 8h6',
};

function Row({ row }: { row: ProofRow }) {
  // A status outside the three is read as not run: the row never turns green by accident.
  const status: RowStatus = row.status in STATE_WORD ? row.status : 'not-run';
  const tone = STATE_TONE[status];
  return (
    <li className="flex gap-2">
      <svg viewBox="0 0 16 16" aria-hidden="true" className={`mt-0.5 size-4 shrink-0 ${tone}`}>
        <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d={ICON_PATH[status]} fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
      </svg>
      <div className="min-w-0">
        <p className="text-sm">
          <span className="font-medium">{row.label}</span>
          {': '}
          <span className={`font-semibold ${tone}`}>{STATE_WORD[status]}</span>
        </p>
        <p className="text-xs break-all text-zinc-600 dark:text-zinc-300">{row.detail}</p>
      </div>
    </li>
  );
}

/** The checks of a proof, one row each, as the badge detail lists them. */
export function ProofRows({ rows }: { rows: readonly ProofRow[] }) {
  return (
    <ul aria-label="Checks" className="space-y-2">
      {rows.map((row) => (
        <Row key={row.id} row={row} />
      ))}
    </ul>
  );
}
