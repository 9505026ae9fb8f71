/** A check's outcome, as the badge detail and /verify list them. */
export type CheckRowState = 'passed' | 'failed' | 'not-run';

const STATE_WORD: Record<CheckRowState, string> = { passed: 'Passed', failed: 'Failed', 'not-run': 'Not run' };

const STATE_TONE: Record<CheckRowState, string> = {
  passed: 'text-emerald-700 dark:text-emerald-400',
  failed: 'text-red-700 dark:text-red-400',
  'not-run': 'text-zinc-600 dark:text-zinc-300',
};

/** The shape carries the state as well as the colour: a tick, a cross, a dash. */
const ICON_PATH: Record<CheckRowState, string> = {
  passed: 'M5 8.5 7 10.5 11 6',
  failed: 'M5.5 5.5l5 5m0-5-5 5',
  'not-run': 'M5 8h6',
};

/**
 * One check as a list item: its label, its state in words and shape, and the values compared. A state outside
 * the three reads as not run, and `muted` (a result not checked here) shows even a pass without green.
 */
export function CheckRow({
  label,
  state: given,
  detail,
  muted = false,
}: {
  label: string;
  state: string;
  detail: string;
  muted?: boolean;
}) {
  const state: CheckRowState = given in STATE_WORD ? (given as CheckRowState) : 'not-run';
  const tone = muted && state === 'passed' ? STATE_TONE['not-run'] : STATE_TONE[state];
  return (
    <li className="flex gap-2">
      <svg viewBox="0 0 16 16" aria-hidden="true" className={`mt-0.5 size-4 shrink-0 ${tone}`}>
        <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d={ICON_PATH[state]} fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
      </svg>
      <div className="min-w-0">
        <p className="text-sm">
          <span className="font-medium">{label}</span>
          {': '}
          <span className={`font-semibold ${tone}`}>{STATE_WORD[state]}</span>
        </p>
        <p className="text-xs break-all text-zinc-600 dark:text-zinc-300">{detail}</p>
      </div>
    </li>
  );
}
