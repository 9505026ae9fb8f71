/** 0x1234…abcd */
export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

// Made once: building an Intl formatter costs more than formatting with it, and lists format one time per row.
const RELATIVE = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const ABSOLUTE = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** "3 minutes ago" for a unix time in seconds, relative to `now` (ms). */
export function relativeTime(unixSeconds: bigint | number, now = Date.now()): string {
  const diff = Number(unixSeconds) - Math.floor(now / 1000);
  for (const [unit, seconds] of UNITS) {
    if (Math.abs(diff) >= seconds) return RELATIVE.format(Math.trunc(diff / seconds), unit);
  }
  return 'just now';
}

/** Full date and time for a unix time in seconds, for titles and detail views. */
export function absoluteTime(unixSeconds: bigint | number): string {
  return ABSOLUTE.format(new Date(Number(unixSeconds) * 1000));
}
