// Training loss points from a task log. The provider's log is free text: the devnet writes
// "training step 2/4 loss 2.05", Hugging Face trainers print {'loss': 1.23, 'epoch': 0.5}, others
// loss=1.23 or "step 10 loss 1.23" (progress bars redraw with \r, so \r ends a line too).

export interface LossPoint {
  step: number;
  loss: number;
  epoch?: number;
}

const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?|[-+]?(?:nan|inf(?:inity)?)\b`;
// "loss" as its own word (train_loss, eval_loss and val_loss are other figures), optionally quoted, then
// ":", "=" or a space before the value, as in 'loss': 1.2 / "loss": 1.2 / loss=1.2 / loss: 1.2 / loss 1.2.
const LOSS = new RegExp(
  String.raw`(?<![\w.-])(?<!\b(?:val|eval|valid|validation|test)[ _-])['"]?loss['"]?\s*[:=]?\s*(${NUMBER})`,
  'i',
);
const STEP = /(?<![\w.-])['"]?(?:global_)?step['"]?\s*[:=]?\s*(\d+)/i;
const EPOCH = new RegExp(String.raw`(?<![\w.-])['"]?epoch['"]?\s*[:=]?\s*(${NUMBER})`, 'i');

const MAX_POINTS = 100_000;

function finite(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * The loss points in a training log, in log order. A line without a step number takes the previous
 * step plus one; NaN and infinite losses are left out.
 */
export function parseLoss(logText: string): LossPoint[] {
  const points: LossPoint[] = [];
  let previous = 0;
  for (const line of logText.split(/[\r\n]+/)) {
    if (points.length >= MAX_POINTS) break;
    const match = LOSS.exec(line);
    if (!match) continue;
    const stepText = STEP.exec(line)?.[1];
    const step = stepText === undefined ? previous + 1 : Number(stepText);
    previous = step;
    const loss = finite(match[1]);
    if (loss === undefined) continue;
    const epoch = finite(EPOCH.exec(line)?.[1]);
    points.push(epoch === undefined ? { step, loss } : { step, loss, epoch });
  }
  return points;
}

/** The last loss in a log and how far it fell from the first: for a one-line summary. */
export function lossSummary(points: LossPoint[]): { first: number; last: number; change: number } | null {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return null;
  return { first: first.loss, last: last.loss, change: last.loss - first.loss };
}
