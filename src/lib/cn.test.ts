import { describe, expect, it } from 'vitest';
import { cn } from './cn';

describe('cn', () => {
  it('skips falsy parts', () => {
    expect(cn('a', false, null, undefined, 'b')).toBe('a b');
  });
  it('lets a later Tailwind class override an earlier one of the same kind', () => {
    expect(cn('h-10 px-4 text-sm', 'h-8')).toBe('px-4 text-sm h-8');
    expect(cn('text-zinc-500 dark:text-zinc-400', 'text-red-700')).toBe('dark:text-zinc-400 text-red-700');
  });
});
