import type { DaySpend } from '../../lib/usage/spend';
import { og } from '../../lib/units';

const BAR = 10;
const GAP = 3;
const HEIGHT = 48;

/** Settled 0G per day as small SVG bars; the label says the same in words for screen readers. */
export function SpendChart({ perDay }: { perDay: readonly DaySpend[] }) {
  const max = perDay.reduce((m, d) => (d.amount > m ? d.amount : m), 0n);
  const first = perDay[0]?.day ?? '';
  const last = perDay.at(-1)?.day ?? '';
  const paid = perDay.filter((d) => d.amount > 0n);
  const label =
    `0G settled per day from ${first} to ${last}: ` +
    (paid.length ? paid.map((d) => `${og(d.amount)} on ${d.day}`).join(', ') : 'none');
  const width = perDay.length * (BAR + GAP) - GAP;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${HEIGHT}`}
      width={width}
      height={HEIGHT}
      className="max-w-full text-violet-600 dark:text-violet-400"
    >
      {perDay.map((d, i) => {
        // Heights in whole thousandths from bigint neuron: no float ever holds the amount itself.
        const h = max > 0n ? Math.max(1, (Number((d.amount * 1000n) / max) / 1000) * HEIGHT) : 0;
        const x = i * (BAR + GAP);
        return (
          <g key={d.day}>
            <rect x={x} y={HEIGHT - 1} width={BAR} height={1} className="fill-zinc-300 dark:fill-zinc-700" />
            {d.amount > 0n && (
              <rect x={x} y={HEIGHT - h} width={BAR} height={h} fill="currentColor">
                <title>{`${d.day}: ${og(d.amount)}`}</title>
              </rect>
            )}
          </g>
        );
      })}
    </svg>
  );
}
