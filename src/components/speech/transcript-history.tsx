import { useEffect, useState } from 'react';
import { useMediaHistory } from '../../hooks/media/use-media-history';
import { downloadFile } from '../../lib/download';
import { relativeTime } from '../../lib/format';
import { transcriptFileName } from '../../lib/media/subtitles';
import type { MediaItem, MediaStore } from '../../lib/media/types';
import { STORAGE_ESTIMATE_UNAVAILABLE } from '../../lib/storage/quota';
import { VerificationBadge } from '../chat/verification-badge';
import { Button } from '../ui/button';
import { Field } from '../ui/field';
import { Input } from '../ui/input';

const PAGE = 50;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Saved transcripts of this wallet on this network: search, delete, export (JSON), storage used. */
export function TranscriptHistory({
  store,
  chainId,
  owner,
  version,
}: {
  store: MediaStore;
  chainId: number;
  owner: string | undefined;
  version: number;
}) {
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [note, setNote] = useState<string | null>(null);
  const history = useMediaHistory(store, { chainId, owner, kind: 'transcript', query, limit });
  const { refresh } = history;
  useEffect(() => {
    if (version > 0) refresh();
  }, [version, refresh]);
  if (!owner) return null;

  async function exportAll() {
    const all = await store.list(chainId, owner!, { kind: 'transcript' });
    downloadFile(`transcripts-${chainId}.json`, 'application/json', JSON.stringify(all, null, 2));
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
  const storage = history.storage;
  return (
    <section aria-labelledby="speech-history-title" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="speech-history-title" className="text-lg font-semibold">
          History
        </h2>
        <div className="flex flex-wrap items-end gap-2">
          <Field label="Search transcripts" hideLabel>
            {(control) => (
              <Input
                {...control}
                type="search"
                placeholder="Search transcripts"
                value={query}
                onChange={(e) => {
                  setQuery(e.target.value);
                  setLimit(PAGE);
                }}
              />
            )}
          </Field>
          <Button variant="secondary" size="sm" onClick={() => void exportAll()} disabled={history.items.length === 0}>
            Export (JSON)
          </Button>
        </div>
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-300">
        Transcripts are kept in this browser only, for this wallet on this network.{' '}
        {storage?.estimate
          ? `This site uses ${mb(storage.estimate.usage)} of the ${mb(storage.estimate.quota)} the browser allows.`
          : STORAGE_ESTIMATE_UNAVAILABLE}
      </p>
      {note && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {note}
        </p>
      )}
      {!history.loading && history.items.length === 0 && (
        <p className="text-sm text-zinc-600 dark:text-zinc-300">
          {query ? 'No saved transcript matches this search.' : 'No transcripts yet: the ones you make are saved here.'}
        </p>
      )}
      <ul aria-label="Saved transcripts" className="flex flex-col gap-2">
        {history.items.map((item) => (
          <li
            key={item.id}
            className="flex flex-col gap-2 rounded-xl border border-zinc-200 p-3 text-sm dark:border-zinc-800"
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <span className="font-medium break-all">{item.prompt}</span>
              <span className="text-xs text-zinc-600 dark:text-zinc-300">
                {item.model} · saved {relativeTime(item.createdAt / 1000)}
              </span>
            </div>
            <p className="line-clamp-3 break-words whitespace-pre-wrap">{item.text}</p>
            <div className="flex flex-wrap items-center gap-2">
              <VerificationBadge verification={item.verification} />
              <Button
                size="xs"
                variant="secondary"
                onClick={() =>
                  downloadFile(transcriptFileName(item.prompt, item.chatId, 'txt'), 'text/plain', item.text ?? '')
                }
              >
                Download .txt
              </Button>
              <Button size="xs" variant="ghost" aria-label={`Delete: ${item.prompt}`} onClick={() => void remove(item)}>
                Delete
              </Button>
            </div>
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
