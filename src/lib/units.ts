// Amounts are bigint neuron end to end (1 0G = 10^18 neuron); these helpers never touch floats.

export const OG_DECIMALS = 18;
export const NEURON_PER_OG = 10n ** BigInt(OG_DECIMALS);

/**
 * Formats neuron as a 0G decimal string with at most `maxDecimals` places, rounding half away
 * from zero and trimming trailing zeros: formatOg(1_500_000_000_000_000_000n) === '1.5'.
 */
export function formatOg(neuron: bigint, maxDecimals = 6): string {
  if (!Number.isInteger(maxDecimals) || maxDecimals < 0 || maxDecimals > OG_DECIMALS) {
    throw new RangeError(`maxDecimals must be a whole number from 0 to ${OG_DECIMALS}`);
  }
  const negative = neuron < 0n;
  const magnitude = negative ? -neuron : neuron;

  // Round the magnitude to a whole number of 10^-maxDecimals units, so -x formats as '-' + x.
  const step = 10n ** BigInt(OG_DECIMALS - maxDecimals);
  const rounded = ((magnitude + step / 2n) / step) * step;

  const whole = rounded / NEURON_PER_OG;
  const fraction = (rounded % NEURON_PER_OG)
    .toString()
    .padStart(OG_DECIMALS, '0')
    .slice(0, maxDecimals)
    .replace(/0+$/, '');

  const text = fraction ? `${whole}.${fraction}` : whole.toString();
  // Amounts that round to zero print as '0', never '-0'.
  return negative && rounded !== 0n ? `-${text}` : text;
}

const DECIMAL = /^(\d*)(?:\.(\d*))?$/;

/**
 * Parses a plain decimal 0G amount typed by a person ('1.5', '0.000001', '.5') into neuron.
 * Throws an Error with a sentence fit to show next to the input when the text is not one.
 */
export function parseOg(input: string): bigint {
  const text = input.trim();
  if (text === '') throw new Error('Enter an amount.');
  if (text.startsWith('-')) throw new Error('The amount cannot be negative.');
  if (/^\+?(\d+\.?\d*|\.\d+)e[+-]?\d+$/i.test(text)) {
    throw new Error('Write the amount as a plain decimal number, without exponent notation (1500, not 1.5e3).');
  }

  const match = DECIMAL.exec(text);
  const whole = match?.[1] ?? '';
  const fraction = match?.[2] ?? '';
  if (!match || (whole === '' && fraction === '')) {
    throw new Error('Enter a number using only digits and at most one decimal point.');
  }
  if (fraction.length > OG_DECIMALS) {
    throw new Error(`0G amounts have at most ${OG_DECIMALS} decimal places.`);
  }

  return BigInt(whole || '0') * NEURON_PER_OG + BigInt(fraction.padEnd(OG_DECIMALS, '0'));
}

/** An amount with its unit, for sentences and figures: og(1_500_000_000_000_000_000n) === '1.5 0G'. */
export function og(neuron: bigint, maxDecimals = 6): string {
  return `${formatOg(neuron, maxDecimals)} 0G`;
}
