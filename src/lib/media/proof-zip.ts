import { sha256 } from 'viem';
import { BADGE_TEXT, type VerificationResult } from '../verify/response';
import { zipStore, type ZipFile } from '../zip';
import { mediaFileName } from './file-name';

export const MEDIA_PROOF_FORMAT = '0g-compute-media-proof';

export interface MediaProofInput {
  kind: 'image' | 'transcript';
  /** The picture or the transcript, exactly as saved. */
  media: Uint8Array;
  /** Its extension without a dot: png, jpg, webp, txt, json… */
  ext: string;
  /** Names the media file: the image prompt, or for a transcript its first words or the audio's name. */
  title: string;
  chainId: number;
  serviceUrl: string;
  model: string;
  /** The result for the response that produced the media; provider, chat ID and hashes come from it. */
  verification: VerificationResult;
  /** Set when the picture was downloaded from a link in the response rather than carried inside it. */
  mediaUrl?: string | null;
  /** For a transcript: the sha256 of the audio that was sent (it is inside the request bytes, as the file field). */
  audioSha256?: string | null;
  /** The exact request and response bytes, to include as request.bin and response.bin (both: one alone checks nothing). */
  exchange?: { request: Uint8Array; response: Uint8Array };
  /** Defaults to now; given, the same input gives the same archive. */
  createdAt?: Date;
}

// The names the archive uses for itself: a media file may not take one.
const RESERVED = new Set(['proof.json', 'readme.txt', 'request.bin', 'response.bin']);

const sha256hex = (bytes: Uint8Array): string => sha256(bytes).slice(2);

// Provider data in README.txt kept to one line: a line break or bidi control in a model name or URL
// could otherwise forge a step of the instructions.
const oneLine = (text: string): string => text.replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, ' ');

/** The hash the verification recorded for `bytes`, checked: an archive that contradicts itself proves nothing. */
function checkedHash(bytes: Uint8Array | undefined, recorded: string, what: string): string {
  if (bytes && sha256hex(bytes) !== recorded)
    throw new Error(`The ${what} bytes given are not the ones that were verified (their sha256 differs).`);
  return recorded;
}

/** proof.json: what was asked of whom, the verification as the app saw it, and the hashes to re-check. */
export function mediaProof(input: MediaProofInput, mediaFile: string, createdAt: Date) {
  const v = input.verification;
  return {
    format: MEDIA_PROOF_FORMAT,
    version: 1,
    kind: input.kind,
    network: { chainId: input.chainId },
    provider: v.provider,
    model: input.model,
    serviceUrl: input.serviceUrl,
    chatId: v.chatId,
    verification: v,
    requestSha256: checkedHash(input.exchange?.request, v.localRequestHash, 'request'),
    responseSha256: checkedHash(input.exchange?.response, v.localResponseHash, 'response'),
    mediaSha256: sha256hex(input.media),
    mediaFile,
    mediaUrl: input.mediaUrl ?? null,
    audioSha256: input.audioSha256 ?? null,
    signedText: v.signedText,
    signature: v.signature,
    createdAt: createdAt.toISOString(),
  };
}

type Proof = ReturnType<typeof mediaProof>;

function hashSteps(p: Proof, withBytes: boolean): string[] {
  const bound = p.signedText?.trimStart().startsWith('{')
    ? 'The signed text is a TeeTLS routing proof (JSON): its "requestHash" and "responseHash" fields must\n   equal these two hashes.'
    : 'The signed text must be "<request sha256>:<response sha256>" with exactly these two hashes.';
  return [
    '1. The request and the response. The signed text is "signedText" in proof.json.',
    withBytes
      ? '   request.bin and response.bin are the exact bytes sent and received. Hash them:\n' +
        '     sha256sum request.bin response.bin        (macOS: shasum -a 256 request.bin response.bin)'
      : '   The exact bytes were not included; the app hashed them when they were sent and received.',
    `   request  sha256: ${p.requestSha256}`,
    `   response sha256: ${p.responseSha256}`,
    `   ${bound}`,
  ];
}

function signatureSteps(p: Proof): string[] {
  const v = p.verification;
  const where =
    v.signerSource === 'additional-info'
      ? "the TargetTeeAddress in the service's additionalInfo on chain"
      : "the service's teeSignerAddress in the 0G Compute serving contract";
  return [
    '2. The signature. "signature" in proof.json is an EIP-191 (personal_sign) signature over "signedText",',
    '   byte for byte. With Foundry and jq:',
    // Values are read from proof.json in the command, never pasted in: a signature is provider data, and a
    // command line built from it could run anything.
    `     cast wallet verify --address "$(jq -r .verification.expectedSigner proof.json)" \\`,
    '       "$(jq -r .signedText proof.json)" "$(jq -r .signature proof.json)"',
    `   With ethers: ethers.verifyMessage(signedText, signature) must return ${oneLine(v.expectedSigner)}.`,
    '',
    `3. The signer. The address must be the provider's TEE signer as read from chain ${p.network.chainId}:`,
    `   ${where} for provider ${oneLine(p.provider)},`,
    '   and the contract owner must have acknowledged it (teeSignerAcknowledged).',
    `   When this was saved the app read ${oneLine(v.expectedSigner)}.`,
  ];
}

function mediaStep(p: Proof): string[] {
  const head = `4. The ${p.kind === 'image' ? 'picture' : 'transcript'}: ${p.mediaFile}, sha256 ${p.mediaSha256}.`;
  if (p.kind === 'transcript')
    return [
      head,
      '   It is the text of the response: the whole body for the text format, its "text" field for JSON.',
      ...(p.audioSha256
        ? [`   The audio transcribed has sha256 ${oneLine(p.audioSha256)}; it is the "file" field of request.bin.`]
        : []),
    ];
  if (p.mediaUrl)
    return [
      head,
      `   It was downloaded from a link in the response: ${oneLine(p.mediaUrl)}`,
      '   The signature covers the response that carried the link, not the picture: the picture itself is',
      '   not signed, and its hash above only records what was downloaded.',
    ];
  return [
    head,
    '   It is carried inside the response (response.bin) as base64, in data[].b64_json; decoded, it is this file.',
  ];
}

/** README.txt: how to re-check the proof by hand, in plain steps with this proof's values. */
export function mediaProofReadme(p: Proof, withBytes: boolean): string {
  const v = p.verification;
  const bytes = withBytes ? ', request.bin and response.bin (the exact bytes sent and received)' : '';
  const included = `Files: ${p.mediaFile}, proof.json (all of this as JSON)${bytes}.`;
  const lines = [
    `Proof for a${p.kind === 'image' ? 'n image' : ' transcript'} from 0G Compute`,
    '',
    `Provider ${oneLine(p.provider)}, model ${oneLine(p.model)}, service ${oneLine(p.serviceUrl)}, chain ${p.network.chainId}.`,
    `Chat ID ${oneLine(p.chatId ?? '(none)')}. Verification mode ${v.mode}. Saved ${p.createdAt}.`,
    `The app's verdict (${v.checkedAt}): ${BADGE_TEXT[v.state]}. ${oneLine(v.reason)}`,
    '',
    included,
    '',
  ];
  if (p.signedText === null || p.signature === null)
    return [...lines, 'There is no signature for this response, so there is nothing to re-check.', ''].join('\n');
  return [
    ...lines,
    'To re-check it yourself:',
    '',
    ...hashSteps(p, withBytes),
    '',
    ...signatureSteps(p),
    '',
    ...mediaStep(p),
    '',
  ].join('\n');
}

/** "Download with proof": the media, proof.json, a README with the steps, and optionally the exact request and response. */
export function mediaProofZip(input: MediaProofInput): Uint8Array<ArrayBuffer> {
  const createdAt = input.createdAt ?? new Date();
  let name = mediaFileName(input.title, input.verification.chatId, input.ext);
  if (RESERVED.has(name)) name = `media-${name}`;
  const proof = mediaProof(input, name, createdAt);
  const { exchange } = input;
  const files: ZipFile[] = [
    { name: 'README.txt', data: mediaProofReadme(proof, exchange !== undefined) },
    { name: 'proof.json', data: `${JSON.stringify(proof, null, 2)}\n` },
    { name, data: input.media },
  ];
  if (exchange)
    files.push({ name: 'request.bin', data: exchange.request }, { name: 'response.bin', data: exchange.response });
  return zipStore(files, createdAt);
}
