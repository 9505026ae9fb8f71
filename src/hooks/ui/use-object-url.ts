import { useEffect } from 'react';

// One `blob:` URL per Blob, shared by every component showing it, revoked a moment after the last one stops (the
// moment lets React's development double mount, and a remount with the same Blob, keep the same URL).
const urls = new WeakMap<Blob, { url: string; users: number }>();

function entryFor(blob: Blob) {
  let entry = urls.get(blob);
  if (!entry) {
    entry = { url: URL.createObjectURL(blob), users: 0 };
    urls.set(blob, entry);
  }
  return entry;
}

/** A `blob:` URL for `blob` while a component shows it; revoked once no component does. */
export function useObjectUrl(blob: Blob | null | undefined): string | null {
  const url = blob ? entryFor(blob).url : null;
  useEffect(() => {
    if (!blob) return;
    const entry = entryFor(blob);
    entry.users++;
    return () => {
      entry.users--;
      setTimeout(() => {
        if (entry.users > 0 || urls.get(blob) !== entry) return;
        URL.revokeObjectURL(entry.url);
        urls.delete(blob);
      }, 1000);
    };
  }, [blob]);
  return url;
}
