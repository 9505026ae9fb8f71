import { downloadFile } from '../../lib/download';
import { relativeTime } from '../../lib/format';
import { transcriptFileName } from '../../lib/media/subtitles';
import type { MediaItem, MediaStore } from '../../lib/media/types';
import { MediaHistoryFrame } from '../media/media-history-frame';
import { VerificationBadge } from '../chat/verification-badge';
import { Button } from '../ui/button';

const PAGE = 50;

const WORDS = {
  search: 'Search transcripts',
  list: 'Saved transcripts',
  kept: 'Transcripts',
  empty: 'No transcripts yet: the ones you make are saved here.',
  noMatch: 'No saved transcript matches this search.',
};

/** One saved transcript: its file name, model, text (as text), badge, .txt download and Delete. */
function TranscriptEntry({ item, onDelete }: { item: MediaItem; onDelete: (item: MediaItem) => void }) {
  return (
    <li className="flex flex-col gap-2 rounded-xl border border-zinc-200 p-3 text-sm dark:border-zinc-800">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-medium break-all">{item.prompt}</span>
        <span className="text-xs text-zinc-600 dark:text-zinc-300">
          {item.model} · saved {relativeTime(item.createdAt / 1000)}
        </span>
      </div>
      <p className="line-clamp-3 break-words whitespace-pre-wrap">{item.text}</p>
      <div className="flex flex-wrap items-center gap-2">
        <VerificationBadge
          verification={item.verification}
          proof={{
            kind: 'transcript',
            chainId: item.chainId,
            stored: { serviceType: 'speech-to-text', model: item.model, url: item.serviceUrl },
            noBytes: 'A saved transcript keeps the hashes of its request and answer, not their bytes.',
            fileName: transcriptFileName(item.prompt, item.chatId, 'json').replace(/\.json$/, '-proof.json'),
          }}
        />
        <Button
          size="xs"
          variant="secondary"
          onClick={() =>
            downloadFile(transcriptFileName(item.prompt, item.chatId, 'txt'), 'text/plain', item.text ?? '')
          }
        >
          Download .txt
        </Button>
        <Button size="xs" variant="ghost" aria-label={`Delete: ${item.prompt}`} onClick={() => onDelete(item)}>
          Delete
        </Button>
      </div>
    </li>
  );
}

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
  async function exportAll(who: string) {
    const all = await store.list(chainId, who, { kind: 'transcript' });
    downloadFile(`transcripts-${chainId}.json`, 'application/json', JSON.stringify(all, null, 2));
  }
  return (
    <MediaHistoryFrame
      store={store}
      chainId={chainId}
      owner={owner}
      kind="transcript"
      version={version}
      pageSize={PAGE}
      words={WORDS}
      exportLabel="Export (JSON)"
      onExport={exportAll}
      listClassName="flex flex-col gap-2"
      renderItems={(items, remove) =>
        items.map((item) => <TranscriptEntry key={item.id} item={item} onDelete={remove} />)
      }
    />
  );
}
