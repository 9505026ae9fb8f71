import { useEffect } from 'react';

// Connecting replaces "Connect wallet" (and the wallet list it opened) with the account button, and
// disconnecting does the reverse: the focused element disappears and focus would fall to <body>.
// The action asks for focus on what replaces it; that element takes it when it mounts.

type FocusTarget = 'account-button' | 'connect-button';

const requested = new Set<FocusTarget>();
const find = (target: FocusTarget) => document.querySelector<HTMLElement>(`[data-focus-target="${target}"]`);

/** Moves focus to `target` now if it is on the page, else as soon as it mounts (the first in page order). */
export function requestFocus(target: FocusTarget): void {
  requested.clear();
  const el = find(target);
  if (el) el.focus();
  else requested.add(target);
}

/** Marks an element as `target`: spread the returned props on it; it takes focus on mount when asked for and focus is lost. */
export function useFocusTarget(target: FocusTarget): { 'data-focus-target': FocusTarget } {
  useEffect(() => {
    // Only where focus was lost: if the person has moved on (started typing somewhere) while this element's code
    // was loading, focus stays where they put it.
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (requested.delete(target) && lost) find(target)?.focus();
  }, [target]);
  return { 'data-focus-target': target };
}
