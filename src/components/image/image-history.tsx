import { useEffect, useState } from 'react';
import { useMediaHistory } from '../../hooks/media/use-media-history';
import { downloadFile } from '../../lib/download';
import { relativeTime } from '../../lib/format';
import { pictureFileName } from '../../lib/media/picture-files';
import type { MediaItem, MediaStore } from '../../lib/media/types';
import { STORAGE_ESTIMATE_UNAVAILABLE, STORAGE_NOT_PERSISTED } from '../../lib/storage/quota';
import { zipStore, type ZipFile } from '../../lib/zip';
import { Button } from '../ui/button';
import { Field } from '../ui/field';
import { Input } from '../ui/input';
import { PictureCard } from './picture-card';

const PAGE = 48;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** A saved picture: its thumbnail comes with its page's; without one, the picture itself is read for the tile. */
function HistoryTile({
  item,
  store,
  thumb,
  onOpen,
  onReuse,
  onDelete,
}: {
  item: MediaItem;
  store: MediaStore;
  /** undefined while the page's thumbnails are read; null when this item has none. */
  thumb: Blob | null | undefined;
  onOpen: () => void;
  onReuse: () => void;
  onDelete: () => void;
}) {
  const [full, setFull] = useState<Blob | null>(null);
  useEffect(() => {
    if (thumb !== null) return;
    let live = true;
    void store.media(item.id).then((blob) => live && blob && setFull(blob));
    return () => {
      live = false;
    };
  }, [item.id, store, thumb]);
  return (
    <PictureCard
      facts={{ ...item, mime: item.mediaType, chainId: item.chainId }}
      preview={thumb ?? full}
      full={() => store.media(item.id)}
      caption={`Saved ${relativeTime(item.createdAt / 1000)}`}
      onOpen={onOpen}
      onReuse={onReuse}
      onDelete={onDelete}
    />
  );
}

/** The thumbnails of the items listed, read in one go per listing. */
function usePageThumbs(store: MediaStore, items: readonly MediaItem[]) {
  const key = items.map((i) => i.id).join(',');
  const [read, setRead] = useState<{ key: string; thumbs: Map<string, Blob> } | null>(null);
  useEffect(() => {
    if (!key) return;
    let live = true;
    void store.thumbs(key.split(',')).then((thumbs) => live && setRead({ key, thumbs }));
    return () => {
      live = false;
    };
  }, [key, store]);
  // Keeps the thumbnails already read while a longer page's are read, so tiles do not blink.
  return (id: string): Blob | null | undefined => {
    const got = read?.thumbs.get(id);
    if (got) return got;
    return read?.key === key ? null : undefined;
  };
}

/** History of this wallet on this network: search, delete, export as a zip, and how much storage it takes. */
export function ImageHistory({
  store,
  chainId,
  owner,
  version,
  onOpen,
  onReuse,
}: {
  store: MediaStore;
  chainId: number;
  owner: string | undefined;
  /** Changes when a picture was saved, so the list is read again. */
  version: number;
  onOpen: (items: MediaItem[], index: number) => void;
  onReuse: (item: MediaItem) => void;
}) {
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [note, setNote] = useState<string | null>(null);
  const history = useMediaHistory(store, { chainId, owner, kind: 'image', query, limit });
  const { refresh } = history;
  const thumbOf = usePageThumbs(store, history.items);
  useEffect(() => {
    if (version > 0) refresh();
  }, [version, refresh]);

  async function exportAll() {
    if (!owner) return;
    const all = await store.list(chainId, owner, { kind: 'image' });
    const files: ZipFile[] = [];
    const used = new Set<string>();
    for (const item of all) {
      const blob = await store.media(item.id);
      if (!blob) continue;
      let name = pictureFileName({ ...item, mime: item.mediaType });
      for (let i = 2; used.has(name); i++) name = name.replace(/(-\d+)?(\.[a-z0-9]+)$/, `-${i}$2`);
      used.add(name);
      files.push({ name: `pictures/${name}`, data: new Uint8Array(await blob.arrayBuffer()) });
    }
    files.push({ name: 'history.json', data: JSON.stringify(all, null, 2) });
    downloadFile(`image-history-${chainId}.zip`, 'application/zip', zipStore(files));
  }

  async function remove(item: MediaItem) {
    try {
      await store.remove(item.id);
      setNote(null);
    } catch (err) {
      setNote((err as Error).message);
    }
    refresh();
  }

  if (!owner) return null;
  const storage = history.storage;
  return (
    <section aria-labelledby="image-history-title" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="image-history-title" className="text-lg font-semibold">
          History
        </h2>
        <div className="flex flex-wrap items-end gap-2">
          <Field label="Search prompts" hideLabel>
            {(control) => (
              <Input
                {...control}
                type="search"
                placeholder="Search prompts"
                value={query}
                onChange={(e) => {
                  setQuery(e.target.value);
                  setLimit(PAGE);
                }}
              />
            )}
          </Field>
          <Button variant="secondary" size="sm" onClick={() => void exportAll()} disabled={history.items.length === 0}>
            Export (zip)
          </Button>
        </div>
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-300">
        Pictures are kept in this browser only, for this wallet on this network.{' '}
        {storage?.estimate
          ? `This site uses ${mb(storage.estimate.usage)} of the ${mb(storage.estimate.quota)} the browser allows.`
          : STORAGE_ESTIMATE_UNAVAILABLE}{' '}
        {storage && !storage.persisted && STORAGE_NOT_PERSISTED}
      </p>
      {storage && !storage.persisted && (
        <Button
          size="sm"
          variant="secondary"
          className="self-start"
          onClick={() =>
            void history
              .persist()
              .then((a) => setNote(a === 'granted' ? 'The browser will keep this history.' : STORAGE_NOT_PERSISTED))
          }
        >
          Ask the browser to keep this history
        </Button>
      )}
      {note && <p className="text-sm">{note}</p>}
      {history.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {history.error.message}
        </p>
      )}
      {!history.loading && history.items.length === 0 && (
        <p className="text-sm text-zinc-600 dark:text-zinc-300">
          {query ? 'No saved picture matches this search.' : 'No pictures yet: the ones you make are saved here.'}
        </p>
      )}
      <ul aria-label="Saved pictures" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
        {history.items.map((item, i) => (
          <li key={item.id} className="min-w-0">
            <HistoryTile
              item={item}
              store={store}
              thumb={thumbOf(item.id)}
              onOpen={() => onOpen(history.items, i)}
              onReuse={() => onReuse(item)}
              onDelete={() => void remove(item)}
            />
          </li>
        ))}
      </ul>
      {history.more && (
        <Button variant="secondary" className="self-center" onClick={() => setLimit((l) => l + PAGE)}>
          Show more
        </Button>
      )}
    </section>
  );
}
