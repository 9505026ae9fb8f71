import { createContext, useContext } from 'react';

export type ToastTone = 'info' | 'success' | 'error' | 'neutral';

export interface ToastInput {
  title: string;
  description?: string;
  tone?: ToastTone;
  /** Raw error text, shown under a "Details" disclosure rather than in the headline. */
  details?: string;
  /** A link to follow up (an explorer page); opens in a new tab. */
  link?: { label: string; href: string };
}

export interface Toast extends ToastInput {
  id: number;
  tone: ToastTone;
}

export const ToastContext = createContext<((t: ToastInput) => void) | null>(null);

/** Shows a toast: `toast({ title, description, tone })`. */
export function useToast(): (t: ToastInput) => void {
  const push = useContext(ToastContext);
  if (!push) throw new Error('useToast must be used inside <Toaster>');
  return push;
}
