import type { StoredVerification } from '../chat/types';
import { mediaFileName } from './file-name';
import { bundleMediaName, proofZipName } from './proof-zip';
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

/** The picture's proof bundle zip: its download name, and the picture's name and type inside it. */
export function pictureProofFiles(p: Pick<PictureFacts, 'prompt' | 'chatId' | 'mime'>) {
  const name = pictureFileName(p);
  // The type as the file is: a sniffed image type, else bytes of no known type.
  const type = Object.hasOwn(IMAGE_EXT, p.mime) ? p.mime : 'application/octet-stream';
  return { zipName: proofZipName(name), file: bundleMediaName(name), type };
}
