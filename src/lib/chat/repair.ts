import type { Conversation } from './types';

/**
 * An answer still marked as streaming or verifying when a conversation is opened was cut short
 * by a reload or a closed tab: say so, and never leave it looking whole.
 */
export function repairInterrupted(c: Conversation): Conversation {
  let changed = false;
  const messages = c.messages.map((m) => {
    const stale =
      m.role === 'assistant' && ((m.status === 'partial' && !m.error) || m.verification?.state === 'verifying');
    if (!stale) return m;
    changed = true;
    return {
      ...m,
      status: m.status === 'complete' ? m.status : ('partial' as const),
      error: m.error ?? 'The answer was interrupted (the page was closed or reloaded). What arrived is kept.',
      verification: {
        state: 'not-verifiable' as const,
        reason:
          m.status === 'complete'
            ? 'The check was interrupted by a reload; the bytes it needs are gone.'
            : 'The answer is incomplete, so it cannot be verified.',
      },
    };
  });
  return changed ? { ...c, messages } : c;
}
