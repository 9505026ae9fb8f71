import { describe, expect, it, vi } from 'vitest';
import { PAGE_SIZE, readAllPages, type Page } from './paging';

/** A contract list of `count` items answering like getAccountsByUser / getAllServices do. */
function contractList(count: number, cap = PAGE_SIZE) {
  const items = Array.from({ length: count }, (_, i) => i);
  return vi.fn(async (offset: bigint, limit: bigint): Promise<Page<number>> => {
    const n = Math.min(Number(limit), cap);
    return [items.slice(Number(offset), Number(offset) + n), BigInt(count)];
  });
}

describe('readAllPages', () => {
  it.each([
    [0, 1],
    [1, 1],
    [50, 1],
    [51, 2],
    [120, 3],
  ])('reads all of %i items in %i page(s)', async (count, pages) => {
    const read = contractList(count);
    const all = await readAllPages(read);
    expect(all).toEqual(Array.from({ length: count }, (_, i) => i));
    expect(read).toHaveBeenCalledTimes(pages);
    expect(read.mock.calls.map(([offset]) => offset)).toEqual(
      Array.from({ length: pages }, (_, i) => BigInt(i * PAGE_SIZE)),
    );
  });

  it('continues from what was read when the contract returns shorter pages than asked for', async () => {
    const read = contractList(12, 5);
    expect(await readAllPages(read, 10)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(read.mock.calls.map(([offset]) => offset)).toEqual([0n, 5n, 10n]);
  });

  it('stops at an empty page even if the total claims more', async () => {
    const read = vi.fn(async (): Promise<Page<number>> => [[], 10n]);
    expect(await readAllPages(read)).toEqual([]);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('passes a failed read on', async () => {
    await expect(readAllPages(() => Promise.reject(new Error('RPC down')))).rejects.toThrow('RPC down');
  });

  it('refuses a page size that could never finish', async () => {
    await expect(readAllPages(contractList(3), 0)).rejects.toThrow(RangeError);
  });
});
