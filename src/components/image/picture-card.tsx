import { useMemo, useState } from 'react';
import { useObjectUrl } from '../../hooks/ui/use-object-url';
import { downloadFile } from '../../lib/download';
import { pictureFileName, pictureProofFiles, type PictureFacts } from '../../lib/media/picture-files';
import { VerificationBadge } from '../chat/verification-badge';
import { Button } from '../ui/button';
import { CopyButton } from '../ui/copy-button';
import { ProofDownloadButton } from '../verify-export/proof-download-button';
import type { ProofSource } from '../verify-export/proof-source';

const NO_BYTES =
  'The exact request and response bytes are kept only during the visit that made the picture, so this proof holds only their hashes.';

/** What a picture's proof bundle is made from: the picture beside proof.json, and the bytes while this visit has them. */
function usePictureProof(
  facts: PictureFacts,
  full: () => Promise<Blob | undefined>,
  exchange?: { request: Uint8Array; response: Uint8Array },
): ProofSource {
  const { prompt, chatId, mime, chainId, model, serviceUrl } = facts;
  return useMemo(() => {
    const files = pictureProofFiles({ prompt, chatId, mime });
    return {
      kind: 'image',
      chainId,
      stored: { model, url: serviceUrl },
      exchange,
      noBytes: NO_BYTES,
      fileName: files.zipName,
      media: {
        file: files.file,
        type: files.type,
        role: 'picture',
        read: async () => {
          const blob = await full();
          return blob && new Uint8Array(await blob.arrayBuffer());
        },
      },
    };
  }, [prompt, chatId, mime, chainId, model, serviceUrl, exchange, full]);
}

/**
 * One picture with its badge and actions: full-size view, download of the bytes received, download with proof, copy
 * prompt, reuse settings and (in history) delete. Shown only from a Blob: never from a provider's URL.
 */
export function PictureCard({
  facts,
  preview,
  full,
  exchange,
  caption,
  onOpen,
  onReuse,
  onDelete,
}: {
  facts: PictureFacts;
  /** What the card shows: the thumbnail, or the picture itself; null while it loads. */
  preview: Blob | null;
  /** The picture as received, for downloads. */
  full: () => Promise<Blob | undefined>;
  exchange?: { request: Uint8Array; response: Uint8Array };
  caption?: string;
  onOpen?: () => void;
  onReuse?: () => void;
  onDelete?: () => void;
}) {
  const url = useObjectUrl(preview);
  const [error, setError] = useState<string | null>(null);
  const name = pictureFileName(facts);
  const proof = usePictureProof(facts, full, exchange);

  async function download() {
    setError(null);
    const blob = await full();
    if (!blob) return setError('This picture is no longer in this browser’s storage.');
    downloadFile(name, facts.mime, blob);
  }
  return (
    <figure className="flex min-w-0 flex-col gap-2 rounded-xl border border-zinc-200 bg-white p-2 dark:border-zinc-800 dark:bg-zinc-900">
      <button
        type="button"
        onClick={onOpen}
        disabled={!onOpen}
        aria-label={`Open full size: ${facts.prompt}`}
        className="block aspect-square overflow-hidden rounded-lg bg-zinc-100 dark:bg-zinc-800"
      >
        {url ? (
          <img src={url} alt={facts.prompt} loading="lazy" decoding="async" className="size-full object-cover" />
        ) : (
          <span className="text-xs text-zinc-600 dark:text-zinc-300">Loading…</span>
        )}
      </button>
      <figcaption className="flex min-w-0 flex-col gap-2 text-sm">
        <p className="line-clamp-2 break-words" title={facts.prompt}>
          {facts.prompt}
        </p>
        {caption && <p className="text-xs text-zinc-600 dark:text-zinc-300">{caption}</p>}
        <div className="flex flex-wrap items-center gap-2">
          <VerificationBadge
            verification={facts.verification}
            scope={facts.sourceUrl ? 'link' : 'content'}
            proof={proof}
          />
        </div>
        <div className="flex flex-wrap gap-2">
          <Button size="xs" variant="secondary" onClick={() => void download()}>
            Download
          </Button>
          <ProofDownloadButton verification={facts.verification} source={proof} label="Download with proof" size="xs" />
          <CopyButton value={facts.prompt} label="Copy prompt" text="Copy prompt" variant="secondary" />
          {onReuse && (
            <Button size="xs" variant="secondary" onClick={onReuse}>
              Reuse settings
            </Button>
          )}
          {onDelete && (
            <Button size="xs" variant="ghost" onClick={onDelete} aria-label={`Delete: ${facts.prompt}`}>
              Delete
            </Button>
          )}
        </div>
        {error && (
          <p role="alert" className="text-xs text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
      </figcaption>
    </figure>
  );
}
