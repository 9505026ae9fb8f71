import { sha256 } from 'viem';
import { readZip } from '../fine-tuning/usage-zip';
import { zipStore, type ZipFile } from '../zip';
import { parseProof, proofJsonText } from './bundle';
import { proofReadme } from './readme';
import { MAX_PROOF_BYTES, ProofError, type ProofBundle } from './types';

/** What readProofFile found: the bundle and, for a zip, the media file it names (its hash not yet checked). */
export interface ProofFile {
  bundle: ProofBundle;
  media?: { file: string; type: string; bytes: Uint8Array };
}

/** A zip bundle: proof.json, the media file when given, and README.txt with the steps to check it by hand. */
export function proofZip(b: ProofBundle, media?: { file: string; bytes: Uint8Array }): Uint8Array<ArrayBuffer> {
  const files: ZipFile[] = [
    { name: 'README.txt', data: proofReadme(b) },
    { name: 'proof.json', data: proofJsonText(b) },
  ];
  if (media) {
    if (media.file !== b.media?.file) throw new ProofError('The media file is not the one the bundle names.');
    if (sha256(media.bytes).slice(2) !== b.media.sha256)
      throw new ProofError('The media bytes given are not the ones the bundle records (their sha256 differs).');
    files.push({ name: media.file, data: media.bytes });
  }
  const created = new Date(b.createdAt);
  return zipStore(files, Number.isFinite(created.getTime()) ? created : undefined);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Uint8Array, what: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ProofError(`${what} is not UTF-8 text, so it is not a proof bundle.`);
  }
}

async function entries(bytes: Uint8Array) {
  try {
    // A bundle's media file may be as large as the bundle; a deflated zip may not unpack to more than twice it.
    return await readZip(bytes, { maxEntryBytes: MAX_PROOF_BYTES, maxTotalBytes: 2 * MAX_PROOF_BYTES });
  } catch (e) {
    // readZip words its errors for fine-tuning usage packages; the sentence is about this archive.
    const why = e instanceof Error ? e.message.replace(/^The usage package/, 'The proof archive') : '';
    throw new ProofError(why.startsWith('The ') ? why : 'The proof archive is not a readable ZIP archive.');
  }
}

/** Reads a bundle file, JSON or zip; throws ProofError. A media file whose hash differs is returned, for checkProof to report. */
export async function readProofFile(bytes: Uint8Array, name?: string): Promise<ProofFile> {
  const label = name ? `The file ${JSON.stringify(name.slice(0, 80))}` : 'The file';
  if (bytes.length > MAX_PROOF_BYTES) throw new ProofError(`${label} is larger than 50 MB, the most this app reads.`);
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4) {
    const files = await entries(bytes);
    const json = files.find((f) => f.name === 'proof.json');
    if (!json) throw new ProofError(`${label} is a zip without proof.json, so it holds no proof bundle.`);
    const bundle = parseProof(decode(json.data, 'Its proof.json'));
    const m = bundle.media;
    const file = m && files.find((f) => f.name === m.file);
    return m && file ? { bundle, media: { file: m.file, type: m.type, bytes: file.data } } : { bundle };
  }
  const text = decode(bytes, label);
  if (!text.trimStart().startsWith('{'))
    throw new ProofError(`${label} is neither a proof bundle (JSON) nor a zip holding one.`);
  return { bundle: parseProof(text) };
}
