/** What a key press does to a select-only combobox and its listbox. */
export type ListboxAction =
  | { type: 'open'; index: number }
  | { type: 'move'; index: number }
  | { type: 'commit'; index: number }
  | { type: 'close' }
  | null;

export interface ListboxState {
  open: boolean;
  /** The highlighted option while open; the chosen one while closed. */
  active: number;
  labels: readonly string[];
}

/** The next option after `from` whose label starts with `char` (wrapping), or -1. */
function typeAhead(labels: readonly string[], from: number, char: string): number {
  const wanted = char.toLowerCase();
  for (let step = 1; step <= labels.length; step++) {
    const i = (from + step) % labels.length;
    if (labels[i]?.toLowerCase().startsWith(wanted)) return i;
  }
  return -1;
}

/**
 * The keyboard of a select-only combobox (WAI-ARIA APG): arrows, Home/End and type-ahead only
 * move the highlight; the choice applies on Enter or Space, never on a move. Escape and Tab close
 * without a change. `null` means the key is not the listbox's (let it do what it does).
 */
export function listboxKey(key: string, { open, active, labels }: ListboxState): ListboxAction {
  const last = labels.length - 1;
  if (last < 0) return null;
  if (key.length === 1 && key !== ' ') {
    const found = typeAhead(labels, active, key);
    if (found < 0) return null;
    return open ? { type: 'move', index: found } : { type: 'open', index: found };
  }
  if (!open) {
    if (key === 'ArrowDown' || key === 'ArrowUp' || key === 'Enter' || key === ' ')
      return { type: 'open', index: active };
    if (key === 'Home') return { type: 'open', index: 0 };
    if (key === 'End') return { type: 'open', index: last };
    return null;
  }
  switch (key) {
    case 'ArrowDown':
      return { type: 'move', index: Math.min(active + 1, last) };
    case 'ArrowUp':
      return { type: 'move', index: Math.max(active - 1, 0) };
    case 'Home':
    case 'PageUp':
      return { type: 'move', index: 0 };
    case 'End':
    case 'PageDown':
      return { type: 'move', index: last };
    case 'Enter':
    case ' ':
      return { type: 'commit', index: active };
    case 'Escape':
    case 'Tab':
      return { type: 'close' };
    default:
      return null;
  }
}
