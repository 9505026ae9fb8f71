import { Wallet } from 'ethers';
import { sha256 } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import type { Service } from '../chain/services';
import { expectedSigner, expectedSignerOf } from '../inference/signed-text';
import { BADGE_TEXT, proofJson, verifyResponse, type VerificationInput } from './response';
import { parseSignedText } from './signed-content';

const tee = privateKeyToAccount(generatePrivateKey());
const rogue = privateKeyToAccount(generatePrivateKey());
const provider = privateKeyToAccount(generatePrivateKey()).address;
const hex = (b: Uint8Array) => sha256(b).slice(2);

const requestBytes = new TextEncoder().encode(
  '{"model":"m","messages":[{"role":"user","content":"Hi"}],"stream":true}',
);
const stream = [
  '{"id":"c1","choices":[{"delta":{"role":"assistant","content":""}}]}',
  '{"id":"c1","choices":[{"delta":{"content":"Héllo"}}]}',
  '{"id":"c1","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}',
  '[DONE]',
]
  .map((e) => `data: ${e}\n\n`)
  .join('');
const responseBytes = new TextEncoder().encode(stream);
const hashesText = `${hex(requestBytes)}:${hex(responseBytes)}`;

function proofText(fields: Record<string, unknown> = {}): string {
  return JSON.stringify({
    type: 'teetls-routing-proof',
    version: 1,
    provider,
    providerIdentity: 'api.openai.com',
    tlsCertFingerprint: 'AB:CD:EF',
    requestHash: hex(requestBytes),
    responseHash: hex(responseBytes),
    timestamp: 1_750_000_000,
    ...fields,
  });
}

async function input(text: string, over: Partial<VerificationInput> = {}): Promise<VerificationInput> {
  return {
    mode: 'TeeML',
    provider,
    expectedSigner: tee.address,
    chatId: 'c1',
    signed: { text, signature: await tee.signMessage({ message: text }) },
    requestBytes,
    responseBytes,
    ...over,
  };
}

describe('parseSignedText', () => {
  const a = 'a'.repeat(64);
  const b = 'b'.repeat(64);

  it('reads two sha256 digests, normalised to lowercase without 0x', () => {
    expect(parseSignedText(`${a}:${b}`)).toEqual({ format: 'hashes', requestHash: a, responseHash: b });
    expect(parseSignedText(`0x${a.toUpperCase()}:0X${b}`)).toEqual({
      format: 'hashes',
      requestHash: a,
      responseHash: b,
    });
  });

  it('rejects anything but exactly two full digests', () => {
    for (const t of [
      `${a}:${b}:${a}`,
      `${a}`,
      `${a}:${b.slice(1)}`,
      `${a}:${b}0`,
      `${a}:${'g'.repeat(64)}`,
      ` ${a}:${b}`,
    ])
      expect(parseSignedText(t)).toEqual({ format: 'unknown' });
  });

  it('reads a TeeTLS routing proof and normalises its hashes', () => {
    const parsed = parseSignedText(proofText({ requestHash: `0x${a.toUpperCase()}` }));
    expect(parsed).toMatchObject({ format: 'teetls-proof', requestHash: a, provider, timestamp: 1_750_000_000 });
  });

  it('rejects a proof with a missing, ill-typed or unexpected field', () => {
    const bad = [
      proofText({ tlsCertFingerprint: undefined }),
      proofText({ timestamp: '1750000000' }),
      proofText({ version: 2 }),
      proofText({ type: 'routing-proof' }),
      proofText({ responseHash: 'abc' }),
      proofText({ providerIdentity: 7 }),
      '{"type":"teetls-routing-proof"',
      '[1,2]',
    ];
    for (const t of bad) expect(parseSignedText(t)).toEqual({ format: 'unknown' });
  });
});

describe('verifyResponse', () => {
  it('verifies a TeeML stream whose signed hashes are of the exact bytes', async () => {
    const r = await verifyResponse(await input(hashesText));
    expect(r.state).toBe('verified');
    expect(BADGE_TEXT[r.state]).toBe('Verified');
    expect(r.recoveredSigner).toBe(tee.address);
    expect(r.localResponseHash).toBe(hex(responseBytes));
    expect(r.signedResponseHash).toBe(r.localResponseHash);
    expect(r.proof).toBeNull();
    expect(new Date(r.checkedAt).toISOString()).toBe(r.checkedAt);
  });

  it('accepts what an ethers Wallet signs, as the devnet providers and the SDK do', async () => {
    const wallet = Wallet.createRandom();
    const r = await verifyResponse({
      ...(await input(hashesText)),
      expectedSigner: wallet.address as `0x${string}`,
      signed: { text: hashesText, signature: await wallet.signMessage(hashesText) },
      sdkVerdict: true,
    });
    expect(r.state).toBe('verified');
  });

  it('verifies a TeeTLS routing proof and surfaces its fields', async () => {
    const r = await verifyResponse(await input(proofText({ provider: provider.toLowerCase() }), { mode: 'TeeTLS' }));
    expect(r.state).toBe('verified');
    expect(r.proof).toEqual({
      providerIdentity: 'api.openai.com',
      tlsCertFingerprint: 'AB:CD:EF',
      timestamp: 1_750_000_000,
    });
    expect(JSON.parse(proofJson(r))).toMatchObject({
      state: 'verified',
      proof: { providerIdentity: 'api.openai.com' },
    });
  });

  it('fails when another key signed, naming both addresses', async () => {
    const r = await verifyResponse({
      ...(await input(hashesText)),
      signed: { text: hashesText, signature: await rogue.signMessage({ message: hashesText }) },
    });
    expect(r.state).toBe('failed');
    expect(r.recoveredSigner).toBe(rogue.address);
    expect(r.reason).toContain(rogue.address);
    expect(r.reason).toContain(tee.address);
  });

  it('fails on a signature that is not a signature', async () => {
    for (const signature of ['0x1234', 'not hex', `0x${'zz'.repeat(65)}`, `0x${'00'.repeat(65)}`]) {
      const r = await verifyResponse({ ...(await input(hashesText)), signed: { text: hashesText, signature } });
      expect(r.state).toBe('failed');
      expect(r.recoveredSigner).toBeNull();
    }
  });

  it('fails when the SDK rejected the signature although it recovers', async () => {
    const r = await verifyResponse(await input(hashesText, { sdkVerdict: false }));
    expect(r.state).toBe('failed');
    expect(r.reason).toMatch(/SDK rejected/);
  });

  it('records where the expected signer came from and whether it is acknowledged', async () => {
    const plain = await verifyResponse(await input(hashesText));
    expect(plain).toMatchObject({ state: 'verified', signerSource: null, signerAcknowledged: null });
    const told = await verifyResponse(
      await input(hashesText, { signerSource: 'additional-info', signerAcknowledged: true }),
    );
    expect(told).toMatchObject({ state: 'verified', signerSource: 'additional-info', signerAcknowledged: true });
    expect(JSON.parse(proofJson(told))).toMatchObject({ signerSource: 'additional-info', signerAcknowledged: true });
  });

  it('names the additionalInfo signer when another key signed', async () => {
    const r = await verifyResponse({
      ...(await input(hashesText, { signerSource: 'additional-info' })),
      signed: { text: hashesText, signature: await rogue.signMessage({ message: hashesText }) },
    });
    expect(r.state).toBe('failed');
    expect(r.reason).toContain('additionalInfo');
    expect(r.reason).toContain(rogue.address);
    expect(r.reason).toContain(tee.address);
  });

  it('fails when the TEE signer is not acknowledged on chain, however good the signature', async () => {
    for (const mode of ['TeeML', 'TeeTLS'] as const) {
      const text = mode === 'TeeML' ? hashesText : proofText();
      const r = await verifyResponse(await input(text, { mode, signerAcknowledged: false }));
      expect(r.state).toBe('failed');
      expect(r.reason).toBe(
        "The service's TEE signer is not acknowledged on chain by the contract owner, so signatures from it prove nothing.",
      );
      expect(r.signerAcknowledged).toBe(false);
      expect(r.recoveredSigner).toBe(tee.address);
      expect(r.signedResponseHash).toBeNull();
    }
    // Retrying cannot help, so it is a failure even before the signature could be fetched.
    const early = await verifyResponse(
      await input(hashesText, { signerAcknowledged: false, signed: null, unavailable: 'HTTP 502' }),
    );
    expect(early.state).toBe('failed');
    expect(early.recoveredSigner).toBeNull();
  });

  it('is complete without the SDK verdict: a wrong signer or content still fails', async () => {
    const wrong = await verifyResponse({
      ...(await input(hashesText, { signerAcknowledged: true })),
      signed: { text: hashesText, signature: await rogue.signMessage({ message: hashesText }) },
    });
    expect(wrong.state).toBe('failed');
    const other = await verifyResponse(await input(`${hex(requestBytes)}:${'1'.repeat(64)}`));
    expect(other.state).toBe('content-mismatch');
  });

  it('reports a request hash mismatch', async () => {
    const r = await verifyResponse(await input(`${'0'.repeat(64)}:${hex(responseBytes)}`));
    expect(r.state).toBe('content-mismatch');
    expect(r.reason).toMatch(/request hash/);
  });

  it('reports a response mismatch when one byte of the stream changed', async () => {
    const tampered = responseBytes.slice();
    tampered[tampered.length - 10] = 0x41;
    const r = await verifyResponse(await input(hashesText, { responseBytes: tampered }));
    expect(r.state).toBe('content-mismatch');
    expect(BADGE_TEXT[r.state]).toBe('Content mismatch');
    expect(r.reason).toMatch(/response hash/);
    expect(r.signedResponseHash).not.toBe(r.localResponseHash);
  });

  it('is not verifiable when the signed text is valid but unrecognised', async () => {
    for (const text of ['hello', proofText({ version: 2 }), proofText({ timestamp: 'now' })]) {
      const r = await verifyResponse(await input(text, { mode: 'TeeTLS' }));
      expect(r.state).toBe('not-verifiable');
      expect(r.reason).toBe(
        'The signature is valid but the signed text is in a format this app does not recognise, so it is not bound to the content shown.',
      );
      expect(r.recoveredSigner).toBe(tee.address);
    }
  });

  it('is not verifiable when the text is of the other mode', async () => {
    expect((await verifyResponse(await input(proofText()))).state).toBe('not-verifiable');
    expect((await verifyResponse(await input(hashesText, { mode: 'TeeTLS' }))).state).toBe('not-verifiable');
  });

  it('is not verifiable when the routing proof is for another provider', async () => {
    const other = privateKeyToAccount(generatePrivateKey()).address;
    const r = await verifyResponse(await input(proofText({ provider: other }), { mode: 'TeeTLS' }));
    expect(r.state).toBe('not-verifiable');
    expect(r.reason).toContain(other);
  });

  it('is not verifiable without a TEE mode or a chat ID', async () => {
    const none = await verifyResponse(await input(hashesText, { mode: 'none' }));
    expect(none.state).toBe('not-verifiable');
    expect(none.reason).toMatch(/declares no TEE mode/);
    expect(none.recoveredSigner).toBeNull();
    expect((await verifyResponse(await input(hashesText, { chatId: null }))).state).toBe('not-verifiable');
  });

  it('is unavailable when the signature endpoint could not be reached or was not asked', async () => {
    const r = await verifyResponse(await input(hashesText, { unavailable: 'HTTP 502', signed: null }));
    expect(r.state).toBe('unavailable');
    expect(r.reason).toMatch(/signature endpoint could not be reached/);
    expect((await verifyResponse(await input(hashesText, { signed: null }))).state).toBe('unavailable');
  });
});

describe('expectedSignerOf', () => {
  const separateTee = privateKeyToAccount(generatePrivateKey());
  const separate = separateTee.address;
  const service = (additionalInfo: string): Service => ({
    provider,
    serviceType: 'chatbot',
    url: 'https://provider.example',
    inputPrice: 1n,
    outputPrice: 1n,
    updatedAt: 0n,
    model: 'm',
    verifiability: 'TeeML',
    additionalInfo,
    teeSignerAddress: tee.address,
    teeSignerAcknowledged: true,
  });

  it("names the provider's own TargetTeeAddress when it runs the model apart, and says so", async () => {
    const svc = service(JSON.stringify({ TargetSeparated: true, TargetTeeAddress: separate.toLowerCase() }));
    const of = expectedSignerOf(svc);
    expect(of).toEqual({ address: separate, source: 'additional-info' });
    expect(expectedSigner(svc)).toBe(separate);
    const r = await verifyResponse({
      ...(await input(hashesText)),
      expectedSigner: of.address,
      signerSource: of.source,
      signed: { text: hashesText, signature: await separateTee.signMessage({ message: hashesText }) },
    });
    expect(r).toMatchObject({ state: 'verified', signerSource: 'additional-info', expectedSigner: separate });
  });

  it("falls back to the contract's teeSignerAddress otherwise", () => {
    for (const info of [
      '',
      'not json',
      JSON.stringify({ TargetSeparated: false, TargetTeeAddress: separate }),
      JSON.stringify({ TargetSeparated: true, TargetTeeAddress: separate, ProviderType: 'centralized' }),
      JSON.stringify({ TargetSeparated: true, TargetTeeAddress: '0x1234' }),
    ])
      expect(expectedSignerOf(service(info))).toEqual({ address: tee.address, source: 'contract' });
  });
});
