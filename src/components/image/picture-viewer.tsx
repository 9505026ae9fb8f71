import { useEffect, useState } from 'react';
import { useObjectUrl } from '../../hooks/ui/use-object-url';
import { Lightbox } from './lightbox';

/** A picture the full-size view can show: its Blob is read when it is the one on screen. */
export interface ViewerEntry {
  id: string;
  alt: string;
  load: () => Promise<Blob | undefined>;
}

/** The full-size view over a list of pictures (this visit's, or history's), reading one picture at a time. */
export function PictureViewer({
  entries,
  index,
  onIndex,
}: {
  entries: ViewerEntry[];
  index: number | null;
  onIndex: (index: number | null) => void;
}) {
  const entry = index === null ? undefined : entries[index];
  // What was read for which entry: a picture gone from storage (deleted in another tab, or cleared by the browser) is
  // said, not left loading for ever.
  const [read, setRead] = useState<{ entry: ViewerEntry; blob: Blob | undefined } | null>(null);
  useEffect(() => {
    let live = true;
    void entry?.load().then((blob) => live && setRead({ entry, blob }));
    return () => {
      live = false;
    };
  }, [entry]);
  const current = read && read.entry === entry ? read : null;
  const blob = current?.blob ?? null;
  const missing = current !== null && !current.blob;
  const url = useObjectUrl(blob);
  const items = entries.map((e) => ({
    id: e.id,
    alt: e.alt,
    src: e !== entry ? '' : url ? url : missing ? 'missing' : '',
  }));
  return <Lightbox items={items} index={index} onIndex={onIndex} />;
}
