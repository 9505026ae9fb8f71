import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { cn } from '../../lib/cn';
import { ToastContext, type Toast, type ToastInput } from '../../hooks/ui/use-toast';

/** More than this and the oldest goes: a stack of notes hides the page more than it informs. */
const MAX_TOASTS = 3;
const TIMEOUT_MS = 6000;

const TONE: Record<Toast['tone'], string> = {
  info: 'border-sky-300 dark:border-sky-800',
  success: 'border-emerald-400 dark:border-emerald-700',
  error: 'border-red-400 dark:border-red-700',
  neutral: 'border-zinc-300 dark:border-zinc-700',
};

/** Replaces the toast with the same id where it stands, or adds it last and keeps at most MAX_TOASTS. */
function place(list: Toast[], toast: Toast): Toast[] {
  const at = list.findIndex((t) => t.id === toast.id);
  if (at >= 0) return list.map((t, i) => (i === at ? toast : t));
  const next = [...list, toast];
  while (next.length > MAX_TOASTS) {
    // A transaction still in flight outlives finished notes: its outcome would otherwise land nowhere visible.
    const settled = next.slice(0, -1).findIndex((t) => !t.pending);
    next.splice(Math.max(settled, 0), 1);
  }
  return next;
}

/**
 * Toast region under the header, where it cannot cover the chat composer or the phone navigation;
 * a polite live region. Errors stay until dismissed, pending toasts until their outcome replaces
 * them, the rest time out.
 */
export function Toaster({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const stopTimer = useCallback((id: string) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
  }, []);
  const dismiss = useCallback(
    (id: string) => {
      stopTimer(id);
      setToasts((ts) => ts.filter((t) => t.id !== id));
    },
    [stopTimer],
  );
  const push = useCallback(
    (input: ToastInput) => {
      const toast: Toast = { ...input, id: input.key ?? `toast-${nextId.current++}`, tone: input.tone ?? 'info' };
      // A replaced toast starts its time again: "confirmed" is read as long as any other note.
      stopTimer(toast.id);
      if (toast.tone !== 'error' && !toast.pending)
        timers.current.set(
          toast.id,
          setTimeout(() => dismiss(toast.id), TIMEOUT_MS),
        );
      setToasts((ts) => place(ts, toast));
    },
    [dismiss, stopTimer],
  );
  useEffect(() => {
    const pendingTimers = timers.current;
    return () => pendingTimers.forEach((timer) => clearTimeout(timer));
  }, []);

  return (
    <ToastContext.Provider value={push}>
      {children}
      {/* Below the header's stacking level, so its menus open over the toasts, and above the page. */}
      <div
        role="status"
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 top-16 z-20 flex flex-col items-center gap-2 px-4 sm:items-end"
      >
        {toasts.map((t) => (
          <div
            key={t.id}
            data-tone={t.tone}
            className={cn(
              'pointer-events-auto w-full max-w-sm rounded-lg border-l-4 bg-white py-2 pr-2 pl-3 text-sm shadow-lg dark:bg-zinc-900',
              TONE[t.tone],
            )}
          >
            <div className="flex items-start justify-between gap-2">
              <p className="flex items-center gap-2 pt-1 font-medium">
                {t.pending && (
                  <span
                    aria-hidden="true"
                    className="size-2 shrink-0 rounded-full bg-sky-500 motion-safe:animate-pulse"
                  />
                )}
                {t.title}
              </p>
              <button
                type="button"
                aria-label="Dismiss"
                title="Dismiss"
                onClick={() => dismiss(t.id)}
                className="grid size-7 shrink-0 place-items-center rounded text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800 focus-visible:outline-2 focus-visible:outline-violet-500 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-200"
              >
                <span aria-hidden="true">✕</span>
              </button>
            </div>
            {t.description && <p className="mt-0.5 pr-1 text-zinc-600 dark:text-zinc-400">{t.description}</p>}
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
