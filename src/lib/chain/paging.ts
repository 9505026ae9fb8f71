/** The serving contracts cap a page at 50 items. */
export const PAGE_SIZE = 50;

/** One page of a contract's paged list: its items and the length of the whole list. */
export type Page<T> = readonly [items: readonly T[], total: bigint];

/**
 * Every item of a contract list read as `(offset, limit)` pages, until `total` items are in or a
 * page comes back empty. The next offset is what has been read so far, so a contract that returns
 * shorter pages than asked for is still read to the end, without gaps.
 */
export async function readAllPages<T>(
  readPage: (offset: bigint, limit: bigint) => Promise<Page<T>>,
  pageSize = PAGE_SIZE,
): Promise<T[]> {
  if (!Number.isSafeInteger(pageSize) || pageSize < 1)
    throw new RangeError('pageSize must be a whole number of at least 1');
  const all: T[] = [];
  for (;;) {
    const [items, total] = await readPage(BigInt(all.length), BigInt(pageSize));
    all.push(...items);
    if (items.length === 0 || BigInt(all.length) >= total) return all;
  }
}
