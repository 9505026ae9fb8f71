import { useEffect, useId, useMemo, useState } from 'react';
import type { StoredVerification } from '../../lib/chat/types';
import { proofJsonText } from '../../lib/proof/bundle';
import { shareFragment } from '../../lib/proof/share';
import { errorMessage } from '../../lib/errors';
import { Button } from '../ui/button';
import { CopyButton } from '../ui/copy-button';
import { WithProof, type ProofContext } from './proof-export';
import { downloadProof, makeBundle } from './proof-make';
import { shareLink, type ProofSource } from './proof-source';

const NOTE = 'text-xs text-zinc-600 dark:text-zinc-300';

/** The picture or audio of a zip bundle, read once for "Copy proof" (its hash is in the JSON). */
function useMedia(source: ProofSource) {
  const [read, setRead] = useState<{ bytes?: Uint8Array; error?: string } | null>(source.media ? null : {});
  useEffect(() => {
    if (!source.media) return;
    let live = true;
    source.media.read().then(
      (bytes) => live && setRead(bytes ? { bytes } : { error: 'The file this proof goes with is no longer here.' }),
      (err: unknown) => live && setRead({ error: errorMessage(err) }),
    );
    return () => {
      live = false;
    };
  }, [source.media]);
  return read;
}

/** A proof as it is offered: its JSON and share link once made (null while being made), or why it could not be. */
export type MadeProof = { json?: string; link?: string | null; error?: string } | null;

/** The row of proof actions every proof shares: Download proof, Copy proof (JSON) and Copy share link. */
export function ProofButtons({ made, onDownload }: { made: MadeProof; onDownload: () => Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          variant="secondary"
          onClick={() => {
            setError(null);
            onDownload().catch((err: unknown) => setError(errorMessage(err)));
          }}
        >
          Download proof
        </Button>
        {made?.json !== undefined && (
          <CopyButton value={made.json} label="Copy proof (JSON)" text="Copy proof (JSON)" variant="secondary" />
        )}
        {/* A share link holds the hashes only; too large a proof gets none. */}
        {made?.link && (
          <CopyButton value={made.link} label="Copy share link" text="Copy share link" variant="secondary" />
        )}
      </div>
      {made === null && <p className={NOTE}>Preparing the proof…</p>}
      {(error ?? made?.error) && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {error ?? made?.error}
        </p>
      )}
    </>
  );
}

function Panel({ ctx }: { ctx: ProofContext }) {
  const { source } = ctx;
  const checkbox = useId();
  const [hashes, setHashes] = useState(false);
  const media = useMedia(source);
  const hashesOnly = hashes || !source.exchange;
  const made = useMemo((): MadeProof => {
    if (!media) return null;
    if (media.error) return { error: media.error };
    try {
      const bundle = makeBundle(ctx, hashesOnly, media.bytes);
      const fragment = shareFragment(bundle);
      return { json: proofJsonText(bundle), link: fragment && shareLink(window.location.origin, fragment) };
    } catch (err) {
      return { error: errorMessage(err) };
    }
  }, [ctx, hashesOnly, media]);

  return (
    <section aria-label="Proof" className="flex flex-col gap-2">
      <div className="flex items-center gap-2 text-sm">
        <input
          id={checkbox}
          type="checkbox"
          checked={hashesOnly}
          disabled={!source.exchange}
          onChange={(e) => setHashes(e.target.checked)}
          className="size-4 accent-violet-600"
        />
        <label htmlFor={checkbox}>Hashes only</label>
      </div>
      <p className={NOTE}>
        {source.exchange
          ? 'Hashes only leaves out what was asked and answered: anyone can still check the signature, not the content.'
          : (source.noBytes ?? 'The exact bytes are not kept, so the proof holds only their hashes.')}
      </p>
      <ProofButtons made={made} onDownload={() => downloadProof(ctx, hashesOnly)} />
    </section>
  );
}

/** The badge detail's proof actions: Download proof, Copy proof (JSON), Hashes only and Copy share link. */
export function ProofActions({ verification, source }: { verification: StoredVerification; source: ProofSource }) {
  return (
    <WithProof
      verification={verification}
      source={source}
      whyNot={(why) => <p className={NOTE}>{why}</p>}
      pending={<p className={NOTE}>Reading the service from chain…</p>}
    >
      {(ctx) => <Panel ctx={ctx} />}
    </WithProof>
  );
}
