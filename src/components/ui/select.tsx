import type { ComponentProps } from 'react';
import { cn } from '../../lib/cn';
import { CONTROL_CLASS } from './input';

/**
 * A native <select> styled like Input: the browser's own list, keyboard and screen-reader behaviour.
 * Never wider than its container, so a long option cannot widen a phone page.
 */
export function Select({ className, ...props }: ComponentProps<'select'>) {
  return <select className={cn(CONTROL_CLASS, 'h-10 px-2', className)} {...props} />;
}
