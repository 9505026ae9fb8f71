import type { LossPoint } from '../../lib/fine-tuning/loss';

const W = 600;
const H = 240;
const PAD = { left: 52, right: 60, top: 14, bottom: 32 };
const TABLE_ROWS = 200;
// More points than pixels only slow the page: beyond this, each bucket keeps its lowest and highest point.
const MAX_DRAWN = 1200;

/** A loss with two decimals, or two significant digits when it is that small. */
export function lossText(loss: number): string {
  return Math.abs(loss) >= 0.01 || loss === 0 ? loss.toFixed(2) : loss.toPrecision(2);
}

/** About `count` round values (1, 2 or 5 times a power of ten) between lo and hi, each with its label. */
function ticks(lo: number, hi: number, count: number, whole: boolean): [value: number, label: string][] {
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  let step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  if (whole) step = Math.max(1, Math.round(step));
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9 && out.length < 20; v += step) out.push(v);
  // As many decimals as the step has, so close ticks (1.302, 1.304) never share a label.
  const decimals = Math.min(12, Math.max(0, -Math.floor(Math.log10(step))));
  return out.map((v) => [v, v.toFixed(decimals)]);
}

// A flat series (all losses equal, or one step) still needs a range, or every coordinate is 0 / 0.
function domain(values: number[]): [number, number] {
  // A loop, not Math.min(...values): a long log holds more points than a call takes arguments.
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi - lo < 1e-12) {
    const pad = Math.abs(lo) * 0.1 || 1;
    lo -= pad;
    hi += pad;
  }
  return [lo, hi];
}

function thin(points: LossPoint[]): LossPoint[] {
  if (points.length <= MAX_DRAWN) return points;
  const size = Math.ceil(points.length / (MAX_DRAWN / 2));
  const out: LossPoint[] = [];
  for (let at = 0; at < points.length; at += size) {
    const bucket = points.slice(at, at + size);
    const low = bucket.reduce((a, b) => (b.loss < a.loss ? b : a));
    const high = bucket.reduce((a, b) => (b.loss > a.loss ? b : a));
    out.push(...(points.indexOf(low, at) <= points.indexOf(high, at) ? [low, high] : [high, low]));
  }
  const last = points[points.length - 1];
  if (last && out[out.length - 1] !== last) out.push(last);
  return out;
}

/** The training loss by step as an SVG line, summarised in its label and listed in a table for screen readers. */
export function LossChart({ points: given }: { points: readonly LossPoint[] }) {
  const points = given.filter((p) => Number.isFinite(p.step) && Number.isFinite(p.loss));
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No loss lines in the log yet.</p>;

  const steps = points.map((p) => p.step);
  const losses = points.map((p) => p.loss);
  const [x0, x1] = domain(steps);
  const [y0, y1] = domain(losses);
  const x = (step: number) => PAD.left + ((step - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
  const y = (loss: number) => H - PAD.bottom - ((loss - y0) / (y1 - y0)) * (H - PAD.top - PAD.bottom);
  const drawn = thin(points);
  const line = drawn.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.step).toFixed(1)} ${y(p.loss).toFixed(1)}`).join(' ');
  const summary =
    points.length === 1
      ? `Training loss ${lossText(first.loss)} at step ${first.step}`
      : `Training loss from ${lossText(first.loss)} at step ${first.step} to ${lossText(last.loss)} at step ${last.step}`;
  const rows = points.slice(-TABLE_ROWS);
  const withEpoch = rows.some((p) => p.epoch !== undefined);

  return (
    <div className="min-w-0">
      <svg role="img" aria-label={summary} viewBox={`0 0 ${W} ${H}`} className="h-auto w-full text-xs">
        <g className="fill-zinc-600 stroke-zinc-300 dark:fill-zinc-400 dark:stroke-zinc-700">
          {ticks(y0, y1, 4, false).map(([v, label]) => (
            <g key={`y${label}`}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} strokeDasharray="3 3" />
              <text x={PAD.left - 6} y={y(v)} textAnchor="end" dominantBaseline="middle" stroke="none">
                {label}
              </text>
            </g>
          ))}
          {ticks(x0, x1, 5, true).map(([v, label]) => (
            <text key={`x${label}`} x={x(v)} y={H - PAD.bottom + 16} textAnchor="middle" stroke="none">
              {label}
            </text>
          ))}
          <text x={(PAD.left + W - PAD.right) / 2} y={H - 2} textAnchor="middle" stroke="none">
            step
          </text>
          <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} />
          <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} />
        </g>
        {points.length > 1 && (
          <path d={line} fill="none" strokeWidth={2} className="stroke-violet-600 dark:stroke-violet-400" />
        )}
        <circle cx={x(last.step)} cy={y(last.loss)} r={4} className="fill-violet-600 dark:fill-violet-400" />
        <text
          x={x(last.step) + 8}
          y={y(last.loss)}
          dominantBaseline="middle"
          className="fill-zinc-900 font-semibold dark:fill-zinc-100"
        >
          {lossText(last.loss)}
        </text>
      </svg>
      <table className="sr-only">
        <caption>
          {rows.length < points.length
            ? `Training loss, the last ${rows.length} of ${points.length} points`
            : 'Training loss'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Loss</th>
            {withEpoch && <th scope="col">Epoch</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((p, i) => (
            <tr key={i}>
              <td>{p.step}</td>
              <td>{p.loss}</td>
              {withEpoch && <td>{p.epoch ?? ''}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
