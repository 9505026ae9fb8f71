import { useCallback, useRef, useState, type ReactNode } from 'react';
import { cn } from '../../lib/cn';
import { ToastContext, type Toast, type ToastInput } from '../../hooks/ui/use-toast';

const TONE: Record<Toast['tone'], string> = {
  info: 'border-sky-300 dark:border-sky-800',
  success: 'border-emerald-400 dark:border-emerald-700',
  error: 'border-red-400 dark:border-red-700',
  neutral: 'border-zinc-300 dark:border-zinc-700',
};

/** Toast region: polite live region, newest at the bottom; errors stay until closed. */
export function Toaster({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((ts) => ts.filter((t) => t.id !== id)), []);
  const push = useCallback(
    (input: ToastInput) => {
      const toast: Toast = { ...input, id: nextId.current++, tone: input.tone ?? 'info' };
      setToasts((ts) => [...ts.slice(-3), toast]);
      if (toast.tone !== 'error') setTimeout(() => dismiss(toast.id), 6000);
    },
    [dismiss],
  );
  return (
    <ToastContext.Provider value={push}>
      {children}
      <div
        role="status"
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-16 z-50 flex flex-col items-center gap-2 px-4 sm:bottom-4 sm:items-end"
      >
        {toasts.map((t) => (
          <div
            key={t.id}
            className={cn(
              'pointer-events-auto w-full max-w-sm rounded-lg border-l-4 bg-white p-3 text-sm shadow-lg dark:bg-zinc-900',
              TONE[t.tone],
            )}
          >
            <div className="flex items-start justify-between gap-2">
              <p className="font-medium">{t.title}</p>
              <button
                type="button"
                aria-label="Dismiss"
                onClick={() => dismiss(t.id)}
                className="text-zinc-500 dark:text-zinc-400 hover:text-zinc-800 dark:hover:text-zinc-200"
              >
                ✕
              </button>
            </div>
            {t.description && <p className="mt-1 text-zinc-600 dark:text-zinc-400">{t.description}</p>}
            {t.link && (
              <a
                href={t.link.href}
                target="_blank"
                rel="noopener noreferrer"
                className="mt-1 inline-block text-violet-700 underline dark:text-violet-300"
              >
                {t.link.label}
              </a>
            )}
            {t.details && (
              <details className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
                <summary className="cursor-pointer">Details</summary>
                <p className="mt-1 break-words whitespace-pre-wrap">{t.details}</p>
              </details>
            )}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
