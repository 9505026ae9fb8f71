import { buildProof, type ProofInput } from '../proof/bundle';
import { proofZip } from '../proof/zip';

// The names the bundle zip uses for itself: a media file may not take one.
const RESERVED = new Set(['proof.json', 'readme.txt']);

/** The media file's name inside a bundle zip: never one of the names the zip uses for itself. */
export const bundleMediaName = (name: string): string => (RESERVED.has(name.toLowerCase()) ? `media-${name}` : name);

/** The zip's download name, beside the media's: `a-red-fox-1a2b.png` gives `a-red-fox-1a2b-proof.zip`. */
export const proofZipName = (mediaName: string): string => `${mediaName.replace(/\.[a-z0-9]+$/i, '')}-proof.zip`;

/** What a media proof needs: a bundle's input with the picture or audio it goes with. */
export type MediaProofInput = ProofInput & { kind: 'image' | 'transcript'; media: NonNullable<ProofInput['media']> };

/**
 * "Download with proof": the proof bundle (see buildProof) as a zip with the picture or audio beside proof.json and a
 * README with the steps to check it by hand. Throws ProofError when the bytes given are not the ones verified.
 */
export function mediaProofZip(input: MediaProofInput): Uint8Array<ArrayBuffer> {
  const media = { ...input.media, file: bundleMediaName(input.media.file) };
  const bundle = buildProof({ ...input, media });
  return proofZip(bundle, { file: media.file, bytes: media.bytes });
}
