import { downloadFile } from '../../lib/download';
import { mediaProofZip } from '../../lib/media/proof-zip';
import { buildProof, proofJsonText, type ProofBundle } from '../../lib/proof/bundle';
import type { ProofContext } from './proof-export';

// Making a bundle needs the proof format, the zip writer and its README: loaded when a proof is made, not with the
// pages that show a badge.

/** The bundle of one answer; `media` is the picture or audio when the source has one. Throws ProofError. */
export function makeBundle(ctx: ProofContext, hashesOnly: boolean, media?: Uint8Array): ProofBundle {
  const { source } = ctx;
  return buildProof({
    kind: source.kind,
    network: ctx.network,
    service: ctx.service,
    verification: ctx.verification,
    exchange: source.exchange,
    hashesOnly,
    media: source.media && media ? { ...source.media, bytes: media } : undefined,
  });
}

const GONE = 'The file this proof goes with is no longer in this browser’s storage.';

/** "Download proof": JSON for a chat answer, a zip with the picture or audio otherwise. Throws a plain sentence. */
export async function downloadProof(ctx: ProofContext, hashesOnly: boolean): Promise<void> {
  const { source } = ctx;
  if (!source.media) {
    downloadFile(source.fileName, 'application/json', proofJsonText(makeBundle(ctx, hashesOnly)));
    return;
  }
  const bytes = await source.media.read();
  if (!bytes) throw new Error(GONE);
  const zip = mediaProofZip({
    kind: source.kind === 'chat' ? 'image' : source.kind,
    network: ctx.network,
    service: ctx.service,
    verification: ctx.verification,
    exchange: source.exchange,
    hashesOnly,
    media: { ...source.media, bytes },
  });
  downloadFile(source.fileName, 'application/zip', zip);
}
