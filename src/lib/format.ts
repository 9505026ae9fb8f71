/** 0x1234…abcd */
export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

const UNITS: Array<[unit: string, seconds: number, last: string | null, next: string | null]> = [
  ['year', 31_536_000, 'last year', 'next year'],
  ['month', 2_592_000, 'last month', 'next month'],
  ['day', 86_400, 'yesterday', 'tomorrow'],
  ['hour', 3_600, null, null],
  ['minute', 60, null, null],
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// English by hand rather than Intl.RelativeTimeFormat / DateTimeFormat: the app speaks English only, and building
// the first Intl formatter loads the browser's locale data, a long pause on a phone during the first page's render.
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** "512 bytes", "12.3 KB", "12.3 MB" (of 1,024 and 1,048,576 bytes), as the dataset validator's sentences count. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${grouped(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "3 minutes ago" for a unix time in seconds, relative to `now` (ms). */
export function relativeTime(unixSeconds: bigint | number, now = Date.now()): string {
  const diff = Number(unixSeconds) - Math.floor(now / 1000);
  for (const [unit, seconds, last, next] of UNITS) {
    if (Math.abs(diff) < seconds) continue;
    const n = Math.trunc(diff / seconds);
    if (n === -1 && last) return last;
    if (n === 1 && next) return next;
    const amount = `${grouped(Math.abs(n))} ${unit}${Math.abs(n) === 1 ? '' : 's'}`;
    return n < 0 ? `${amount} ago` : `in ${amount}`;
  }
  return 'just now';
}

/** Full local date and time for a unix time in seconds ("Dec 2, 2026, 4:05 AM"), for titles and detail views. */
export function absoluteTime(unixSeconds: bigint | number): string {
  const d = new Date(Number(unixSeconds) * 1000);
  if (Number.isNaN(d.getTime())) return 'Invalid date';
  const h = d.getHours();
  const time = `${h % 12 || 12}:${String(d.getMinutes()).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
  return `${MONTHS[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()}, ${time}`;
}

/** A playback position or length as a clock: "1:05", "1:02:03" from an hour. */
export function clock(seconds: number): string {
  const total = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  return h > 0 ? `${h}:${two(m)}:${two(total % 60)}` : `${m}:${two(total % 60)}`;
}
