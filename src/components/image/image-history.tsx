import { useEffect, useState } from 'react';
import { downloadFile } from '../../lib/download';
import { relativeTime } from '../../lib/format';
import { pictureFileName } from '../../lib/media/picture-files';
import type { MediaItem, MediaStore } from '../../lib/media/types';
import { zipStore, type ZipFile } from '../../lib/zip';
import { MediaHistoryFrame } from '../media/media-history-frame';
import { PictureCard } from './picture-card';

const PAGE = 48;

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

const WORDS = {
  search: 'Search prompts',
  list: 'Saved pictures',
  kept: 'Pictures',
  empty: 'No pictures yet: the ones you make are saved here.',
  noMatch: 'No saved picture matches this search.',
};

/** One page of saved pictures as tiles, their thumbnails read in one go. */
function HistoryTiles({
  store,
  items,
  onOpen,
  onReuse,
  onDelete,
}: {
  store: MediaStore;
  items: MediaItem[];
  onOpen: (items: MediaItem[], index: number) => void;
  onReuse: (item: MediaItem) => void;
  onDelete: (item: MediaItem) => void;
}) {
  const thumbOf = usePageThumbs(store, items);
  return items.map((item, i) => (
    <li key={item.id} className="min-w-0">
      <HistoryTile
        item={item}
        store={store}
        thumb={thumbOf(item.id)}
        onOpen={() => onOpen(items, i)}
        onReuse={() => onReuse(item)}
        onDelete={() => onDelete(item)}
      />
    </li>
  ));
}

/** Every saved picture of this wallet on this network, with history.json, as one zip. */
async function exportAll(store: MediaStore, chainId: number, owner: string) {
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
  return (
    <MediaHistoryFrame
      store={store}
      chainId={chainId}
      owner={owner}
      kind="image"
      version={version}
      pageSize={PAGE}
      words={WORDS}
      exportLabel="Export (zip)"
      onExport={(who) => exportAll(store, chainId, who)}
      offerPersist
      listClassName="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4"
      renderItems={(items, remove) => (
        <HistoryTiles store={store} items={items} onOpen={onOpen} onReuse={onReuse} onDelete={remove} />
      )}
    />
  );
}
