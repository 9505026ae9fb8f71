import type { ComponentProps } from 'react';
import { cn } from '../../lib/cn';
import { CONTROL_CLASS } from './input';

/** A multi-line text box styled like Input. */
export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return <textarea className={cn(CONTROL_CLASS, 'w-full px-3 py-2', className)} {...props} />;
}
