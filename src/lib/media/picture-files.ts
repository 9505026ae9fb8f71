import type { StoredVerification } from '../chat/types';
import type { VerificationResult } from '../verify/response';
import { mediaFileName } from './file-name';
import { mediaProofZip } from './proof-zip';
import { IMAGE_EXT, type ImageMime } from './sniff';

/** What a saved or just-received picture needs for its downloads. */
export interface PictureFacts {
  prompt: string;
  chatId: string | null;
  mime: string;
  chainId: number;
  serviceUrl: string;
  model: string;
  verification: StoredVerification;
  sourceUrl?: string;
}

const extOf = (mime: string) => IMAGE_EXT[mime as ImageMime] ?? 'bin';

/** The picture's download name: from the prompt and the chat ID. */
export const pictureFileName = (p: Pick<PictureFacts, 'prompt' | 'chatId' | 'mime'>) =>
  mediaFileName(p.prompt, p.chatId, extOf(p.mime));

/** Whether a verification holds what a proof needs (a result of the verifier, not a placeholder). */
export const hasProof = (v: StoredVerification) =>
  typeof v.localRequestHash === 'string' && typeof v.localResponseHash === 'string';

/**
 * "Download with proof": the picture, proof.json and a README in one zip, with the exact request and response bytes
 * when this visit still holds them.
 */
export async function pictureProofZip(
  picture: Blob,
  facts: PictureFacts,
  exchange?: { request: Uint8Array; response: Uint8Array },
): Promise<Uint8Array<ArrayBuffer>> {
  return mediaProofZip({
    kind: 'image',
    media: new Uint8Array(await picture.arrayBuffer()),
    ext: extOf(facts.mime),
    title: facts.prompt,
    chainId: facts.chainId,
    serviceUrl: facts.serviceUrl,
    model: facts.model,
    verification: facts.verification as unknown as VerificationResult,
    mediaUrl: facts.sourceUrl ?? null,
    exchange,
  });
}
