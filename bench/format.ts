/** kB with one decimal (1 kB = 1000 bytes, as Vite prints sizes). */
export const kB = (bytes: number) => (bytes / 1000).toFixed(1);
export const ms = (x: number | null) => (x !== null && Number.isFinite(x) ? `${Math.round(x)} ms` : '?');
export const num = (x: number | null) => (x !== null && Number.isFinite(x) ? String(Math.round(x)) : '?');

/** Aligns columns: the first row is the header, the first column reads left to right, the others are numbers. */
export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  const line = (r: string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)));
  return rows.map((r) => line(r).join('  ').trimEnd()).join('\n');
}

/** `a ×2, b` from a list of names, in order of first appearance. */
export function counted(names: string[]): string {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].map(([n, c]) => (c > 1 ? `${n} ×${c}` : n)).join(', ');
}
