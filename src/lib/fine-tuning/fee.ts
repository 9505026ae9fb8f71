// The fine-tuning task fee in neuron. PROTOCOL.md and the devnet provider price one pass over the
// dataset (tokens × price per token); 0G's current broker documentation multiplies by the training
// epochs (and adds a fixed storage reserve), so the epochs are a parameter, 1 by default. Either
// way the figure before a task is an estimate: the provider states the fee it charges on the task.

export interface FeeInput {
  tokens: bigint | number;
  pricePerToken: bigint;
  epochs?: bigint | number;
  /** The token count is an estimate (before the provider counted): the sentence says "About". */
  estimated?: boolean;
}

function whole(value: bigint | number, name: string, min: bigint): bigint {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new RangeError(`${name} must be a whole number, not ${value}`);
  }
  const n = BigInt(value);
  if (n < min) throw new RangeError(`${name} must be at least ${min}, not ${n}`);
  return n;
}

/** tokens × pricePerToken × epochs, in neuron; throws a RangeError for a fractional or negative input. */
export function fineTuningFee(tokens: bigint | number, pricePerToken: bigint, epochs: bigint | number = 1): bigint {
  return whole(tokens, 'tokens', 0n) * whole(pricePerToken, 'pricePerToken', 0n) * whole(epochs, 'epochs', 1n);
}

const grouped = (n: bigint) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const plural = (n: bigint, one: string) => `${grouped(n)} ${one}${n === 1n ? '' : 's'}`;

/**
 * "About 1,234 tokens × 2 epochs at 1,000 neuron per token: 2,468,000 neuron." Amounts go through
 * `format` (neuron by default), so the caller picks the unit and precision.
 */
export function feeSentence(
  input: FeeInput,
  format: (neuron: bigint) => string = (n) => `${grouped(n)} neuron`,
): string {
  const { tokens, pricePerToken, epochs = 1, estimated = true } = input;
  const fee = fineTuningFee(tokens, pricePerToken, epochs);
  const t = BigInt(tokens);
  const e = BigInt(epochs);
  const passes = e === 1n ? '' : ` × ${plural(e, 'epoch')}`;
  const about = estimated ? 'About ' : '';
  return `${about}${plural(t, 'token')}${passes} at ${format(pricePerToken)} per token: ${format(fee)}.`;
}
