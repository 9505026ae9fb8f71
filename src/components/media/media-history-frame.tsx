import { useEffect, useId, useState, type ReactNode } from 'react';
import { useMediaHistory } from '../../hooks/media/use-media-history';
import type { MediaItem, MediaKind, MediaStore } from '../../lib/media/types';
import { STORAGE_ESTIMATE_UNAVAILABLE, STORAGE_NOT_PERSISTED } from '../../lib/storage/quota';
import { Button } from '../ui/button';
import { Field } from '../ui/field';
import { Input } from '../ui/input';

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** The words a studio's history says: what is searched, what is kept, and the two empty states. */
export interface MediaHistoryWords {
  /** The search box's label and placeholder, e.g. "Search prompts". */
  search: string;
  /** The saved list's accessible name, e.g. "Saved pictures". */
  list: string;
  /** What is kept, e.g. "Pictures": "… are kept in this browser only …". */
  kept: string;
  /** Nothing saved yet. */
  empty: string;
  /** Nothing matches the search. */
  noMatch: string;
}

/**
 * A studio's saved items of one kind for this wallet on this network: the search bar, Export, the storage line,
 * the empty text, Delete and "Show more". The studio renders the list items (`renderItems`: `<li>`s) and exports.
 */
export function MediaHistoryFrame({
  store,
  chainId,
  owner,
  kind,
  version,
  pageSize,
  words,
  exportLabel,
  onExport,
  offerPersist = false,
  listClassName,
  renderItems,
}: {
  store: MediaStore;
  chainId: number;
  owner: string | undefined;
  kind: MediaKind;
  /** Changes when an item was saved, so the list is read again. */
  version: number;
  pageSize: number;
  words: MediaHistoryWords;
  exportLabel: string;
  /** Exports every saved item of this kind (called with a wallet only). */
  onExport: (owner: string) => Promise<void>;
  /** Says when the browser may clear the history, and offers to ask it to keep it. */
  offerPersist?: boolean;
  listClassName: string;
  renderItems: (items: MediaItem[], remove: (item: MediaItem) => void) => ReactNode;
}) {
  const titleId = useId();
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(pageSize);
  // A neutral note (the browser's answer about keeping the history) or a failure (a delete), shown as an alert.
  const [note, setNote] = useState<{ text: string; failed: boolean } | null>(null);
  const history = useMediaHistory(store, { chainId, owner, kind, query, limit });
  const { refresh } = history;
  useEffect(() => {
    if (version > 0) refresh();
  }, [version, refresh]);

  async function remove(item: MediaItem) {
    try {
      await store.remove(item.id);
      setNote(null);
    } catch (err) {
      setNote({ text: (err as Error).message, failed: true });
    }
    refresh();
  }

  if (!owner) return null;
  const storage = history.storage;
  const unkept = offerPersist && storage && !storage.persisted;
  return (
    <section aria-labelledby={titleId} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id={titleId} className="text-lg font-semibold">
          History
        </h2>
        <div className="flex flex-wrap items-end gap-2">
          <Field label={words.search} hideLabel>
            {(control) => (
              <Input
                {...control}
                type="search"
                placeholder={words.search}
                value={query}
                onChange={(e) => {
                  setQuery(e.target.value);
                  setLimit(pageSize);
                }}
              />
            )}
          </Field>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => void onExport(owner)}
            disabled={history.items.length === 0}
          >
            {exportLabel}
          </Button>
        </div>
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-300">
        {words.kept} are kept in this browser only, for this wallet on this network.{' '}
        {storage?.estimate
          ? `This site uses ${mb(storage.estimate.usage)} of the ${mb(storage.estimate.quota)} the browser allows.`
          : STORAGE_ESTIMATE_UNAVAILABLE}
        {unkept && ` ${STORAGE_NOT_PERSISTED}`}
      </p>
      {unkept && (
        <Button
          size="sm"
          variant="secondary"
          className="self-start"
          onClick={() =>
            void history.persist().then((a) =>
              setNote({
                text: a === 'granted' ? 'The browser will keep this history.' : STORAGE_NOT_PERSISTED,
                failed: false,
              }),
            )
          }
        >
          Ask the browser to keep this history
        </Button>
      )}
      {note &&
        (note.failed ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {note.text}
          </p>
        ) : (
          <p className="text-sm">{note.text}</p>
        ))}
      {history.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {history.error.message}
        </p>
      )}
      {!history.loading && history.items.length === 0 && (
        <p className="text-sm text-zinc-600 dark:text-zinc-300">{query ? words.noMatch : words.empty}</p>
      )}
      <ul aria-label={words.list} className={listClassName}>
        {renderItems(history.items, (item) => void remove(item))}
      </ul>
      {history.more && (
        <Button variant="secondary" className="self-center" onClick={() => setLimit((l) => l + pageSize)}>
          Show more
        </Button>
      )}
    </section>
  );
}
