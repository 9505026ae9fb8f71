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
  /**
   * Toasts with the same key are one toast: a later push replaces it in place, so one transaction
   * is one toast that goes from sent to confirmed rather than a pile of them.
   */
  key?: string;
  /** Waiting on an outcome (a transaction in flight): it does not time out, the push with its outcome replaces it. */
  pending?: boolean;
}

export interface Toast extends ToastInput {
  id: string;
  tone: ToastTone;
}

export const ToastContext = createContext<((t: ToastInput) => void) | null>(null);

/** Shows a toast: `toast({ title, description, tone })`; give a `key` to update that toast in place later. */
export function useToast(): (t: ToastInput) => void {
  const push = useContext(ToastContext);
  if (!push) throw new Error('useToast must be used inside <Toaster>');
  return push;
}
