import { BADGE_TEXT } from '../verify/response';
import { deliverableReadme, oneLine } from './readme-deliverable';
import type { AnswerProof, ProofBundle } from './types';

function hashSteps(b: AnswerProof): string[] {
  const included = b.request.bytes !== undefined && b.response.bytes !== undefined;
  const bound = b.signed?.text.trimStart().startsWith('{')
    ? 'The signed text is a TeeTLS routing proof (JSON): its "requestHash" and "responseHash" fields must\n   equal these two hashes.'
    : 'The signed text must be "<request sha256>:<response sha256>" with exactly these two hashes.';
  return [
    '1. The request and the response. The signed text is .signed.text in proof.json.',
    included
      ? '   .request.bytes and .response.bytes are the exact bytes sent and received, as base64. With jq:\n' +
        '     jq -r .request.bytes proof.json | base64 -d > request.bin\n' +
        '     jq -r .response.bytes proof.json | base64 -d > response.bin\n' +
        '     sha256sum request.bin response.bin        (macOS: shasum -a 256 request.bin response.bin)'
      : '   This bundle holds only the hashes (the exact bytes were left out); they cannot be re-hashed.',
    `   request  sha256: ${b.request.sha256}`,
    `   response sha256: ${b.response.sha256}`,
    `   ${bound}`,
  ];
}

function signatureSteps(b: AnswerProof): string[] {
  const s = b.service;
  const where =
    s.signerSource === 'additional-info'
      ? "the TargetTeeAddress in the service's additionalInfo"
      : "the service's teeSignerAddress";
  return [
    '2. The signature. .signed.signature is an EIP-191 (personal_sign) signature over .signed.text,',
    '   byte for byte. With Foundry and jq:',
    // Values are read from proof.json in the command, never pasted in: they are provider data, and a
    // command line built from them could run anything.
    '     cast wallet verify --address "$(jq -r .service.teeSigner proof.json)" \\',
    '       "$(jq -r .signed.text proof.json)" "$(jq -r .signed.signature proof.json)"',
    `   With ethers: ethers.verifyMessage(signedText, signature) must return ${oneLine(s.teeSigner)}.`,
    '',
    `3. The signer. On chain ${b.network.chainId}, the 0G Compute inference contract ${oneLine(b.network.contracts.inference)}`,
    `   must name it as ${where} for provider ${oneLine(s.provider)}`,
    '   (getService(provider)), and the contract owner must have acknowledged it (teeSignerAcknowledged).',
  ];
}

function mediaStep(b: AnswerProof): string[] {
  if (!b.media) return [];
  return [
    '',
    `4. The ${b.media.role} file: ${oneLine(b.media.file)}, sha256 ${b.media.sha256}.`,
    '   Its hash is recorded by the app, not signed: the signature covers the request and the response.',
  ];
}

/** README.txt: how to check the bundle by hand with standard tools, in plain steps with its values. */
export function proofReadme(b: ProofBundle): string {
  if (b.kind === 'fine-tuning') return deliverableReadme(b);
  const s = b.service;
  const lines = [
    `Proof for a${b.kind === 'chat' ? ' chat answer' : b.kind === 'image' ? 'n image' : ' transcript'} from 0G Compute (${b.format}, version ${b.version})`,
    '',
    `Provider ${oneLine(s.provider)}, model ${oneLine(s.model)}, service ${oneLine(s.url)}, chain ${b.network.chainId}.`,
    `Chat ID ${oneLine(b.chatId ?? '(none)')}. Verifiability ${oneLine(s.verifiability)}. Saved ${b.createdAt}.`,
    `The app's verdict (${b.verdict.checkedAt}): ${BADGE_TEXT[b.verdict.state]}. ${oneLine(b.verdict.reason)}`,
    '',
  ];
  if (b.signed === null)
    return [...lines, 'There is no signature for this response, so there is nothing to re-check.', ''].join('\n');
  return [...lines, 'To check it yourself:', '', ...hashSteps(b), '', ...signatureSteps(b), ...mediaStep(b), ''].join(
    '\n',
  );
}
