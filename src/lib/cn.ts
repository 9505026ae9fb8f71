import { twMerge } from 'tailwind-merge';

/**
 * Joins class names, skipping falsy ones, and lets a later Tailwind class win over an earlier one of
 * the same kind (`cn('h-10 px-4', 'h-8')` is `px-4 h-8`), so a primitive's defaults can be overridden.
 */
export function cn(...parts: Array<string | false | null | undefined>): string {
  return twMerge(parts.filter(Boolean).join(' '));
}
