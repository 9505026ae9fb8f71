import { BADGE_TEXT } from '../verify/response';
import type { DeliverableProof } from './types';

// Provider data kept to one line: a line break or bidi control in a model name or URL could
// otherwise forge a step of the instructions (as in src/lib/media/proof-zip.ts).
export const oneLine = (text: string): string => text.replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, ' ');

/** README.txt of a fine-tuning delivery bundle: how to check the model file, its TEE signature and the chain. */
export function deliverableReadme(b: DeliverableProof): string {
  const s = b.service;
  const d = b.deliverable;
  const file = b.media ? oneLine(b.media.file) : 'the encrypted model file';
  return [
    `Proof of a fine-tuned model's delivery from 0G Compute (${b.format}, version ${b.version})`,
    '',
    `Provider ${oneLine(s.provider)}, model ${oneLine(s.model)}, service ${oneLine(s.url)}, chain ${b.network.chainId}.`,
    `Task ${d.taskId} of user ${d.user}. Saved ${b.createdAt}.`,
    `The app's verdict (${b.verdict.checkedAt}): ${BADGE_TEXT[b.verdict.state]}. ${oneLine(b.verdict.reason)}`,
    '',
    'To check it yourself:',
    '',
    `1. The file. keccak256 (Ethereum's Keccak-256, not SHA3-256) of ${file} must be`,
    `   ${d.file.keccak256} (${d.file.size} bytes). With Python and pycryptodome:`,
    '     python3 -c "import sys; from Crypto.Hash import keccak; print(keccak.new(digest_bits=256,',
    "       data=open(sys.argv[1],'rb').read()).hexdigest())\" FILE",
    '',
    '2. The TEE signature. The file is [65-byte signature][12-byte IV] then chunks of up to 64 MiB of',
    '   AES-GCM ciphertext, each followed by its 16-byte tag. The signature is a raw ECDSA signature',
    '   (no EIP-191 prefix) over keccak256 of all tags joined in order (for a file under 64 MiB, the',
    '   last 16 bytes: tail -c 16 FILE). First 65 bytes: head -c 65 FILE | xxd -p -c 65',
    `   tags keccak256: ${d.file.tagsKeccak256}`,
    `   With ethers: ethers.recoverAddress(tagsKeccak256, signature) must return ${oneLine(s.teeSigner)}.`,
    '',
    `3. The signer. On chain ${b.network.chainId}, the 0G fine-tuning contract ${oneLine(b.network.contracts.fineTuning)}`,
    `   must name it as the teeSignerAddress of provider ${oneLine(s.provider)} (getAllServices()),`,
    '   acknowledged by the contract owner (teeSignerAcknowledged).',
    '',
    `4. The deliverable. getDeliverable(${d.user}, ${oneLine(s.provider)}, "${d.taskId}")`,
    `   on that contract must hold modelRootHash ${d.modelRootHash}, the file's keccak256.`,
    '',
  ].join('\n');
}
