import { sha256 } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import type { StoredVerification } from '../chat/types';
import { verificationChecks, type CheckState, type VerificationCheck } from './checks';
import { proofJson, verifyResponse, type VerificationInput } from './response';

const tee = privateKeyToAccount(generatePrivateKey());
const rogue = privateKeyToAccount(generatePrivateKey());
const provider = privateKeyToAccount(generatePrivateKey()).address;
const hex = (b: Uint8Array) => sha256(b).slice(2);

const requestBytes = new TextEncoder().encode('{"model":"m","messages":[{"role":"user","content":"Hi"}]}');
const responseBytes = new TextEncoder().encode('{"id":"c1","choices":[{"message":{"content":"Hello"}}]}');
const hashesText = `${hex(requestBytes)}:${hex(responseBytes)}`;

function proofText(fields: Record<string, unknown> = {}): string {
  return JSON.stringify({
    type: 'teetls-routing-proof',
    version: 1,
    provider,
    providerIdentity: 'api.openai.com',
    tlsCertFingerprint: 'AB:CD:EF:01',
    requestHash: hex(requestBytes),
    responseHash: hex(responseBytes),
    timestamp: 1_750_000_000,
    ...fields,
  });
}

/** Verifies with a real signature and returns the result as it is stored: JSON, read back. */
async function stored(text: string, over: Partial<VerificationInput> = {}): Promise<StoredVerification> {
  const result = await verifyResponse({
    mode: 'TeeML',
    provider,
    expectedSigner: tee.address,
    chatId: 'c1',
    signed: { text, signature: await tee.signMessage({ message: text }) },
    requestBytes,
    responseBytes,
    ...over,
  });
  return JSON.parse(proofJson(result)) as StoredVerification;
}

const states = (checks: VerificationCheck[]) => Object.fromEntries(checks.map((c) => [c.id, c.state]));
const odd = (o: Record<string, unknown>) => o as unknown as StoredVerification;

describe('verificationChecks on what the verifier produces', () => {
  it('verified TeeML: three passed rows naming both signers and the contract as the source', async () => {
    const checks = verificationChecks(await stored(hashesText, { signerSource: 'contract', signerAcknowledged: true }));
    expect(checks.map((c) => c.label)).toEqual(["Signed by the provider's TEE key", 'Request bound', 'Response bound']);
    expect(states(checks)).toEqual({ signer: 'passed', request: 'passed', response: 'passed' });
    const signer = checks[0]!.detail;
    expect(signer.split(tee.address)).toHaveLength(3);
    expect(signer).toContain("the contract's teeSignerAddress");
    expect(checks[1]!.detail).toContain(hex(requestBytes).slice(0, 12));
  });

  it("says when the expected signer is the provider's own additionalInfo.TargetTeeAddress", async () => {
    const [signer] = verificationChecks(await stored(hashesText, { signerSource: 'additional-info' }));
    expect(signer!.state).toBe('passed');
    expect(signer!.detail).toContain("from the provider's own additionalInfo.TargetTeeAddress");
    expect(signer!.detail).toContain("not the contract's teeSignerAddress");
  });

  it('claims no source for the expected signer when none was recorded', async () => {
    const [signer] = verificationChecks(await stored(hashesText));
    expect(signer!.state).toBe('passed');
    expect(signer!.detail).not.toMatch(/teeSignerAddress|additionalInfo/);
  });

  it('verified TeeTLS: a fourth row with the upstream identity and certificate fingerprint', async () => {
    const checks = verificationChecks(await stored(proofText(), { mode: 'TeeTLS' }));
    expect(states(checks)).toEqual({ signer: 'passed', request: 'passed', response: 'passed', route: 'passed' });
    expect(checks[3]).toMatchObject({ label: 'Routed to the named upstream' });
    expect(checks[3]!.detail).toContain('api.openai.com');
    expect(checks[3]!.detail).toContain('AB:CD:EF:01');
  });

  it('content mismatch: only the row whose hash differs fails', async () => {
    const response = verificationChecks(await stored(`${hex(requestBytes)}:${'1'.repeat(64)}`));
    expect(states(response)).toEqual({ signer: 'passed', request: 'passed', response: 'failed' });
    expect(response[2]!.detail).toContain('1'.repeat(12));
    const request = verificationChecks(await stored(`${'0'.repeat(64)}:${hex(responseBytes)}`));
    expect(states(request)).toEqual({ signer: 'passed', request: 'failed', response: 'passed' });
    const tls = verificationChecks(await stored(proofText({ responseHash: 'f'.repeat(64) }), { mode: 'TeeTLS' }));
    expect(states(tls)).toEqual({ signer: 'passed', request: 'passed', response: 'failed', route: 'passed' });
  });

  it('wrong signer: the signer row fails naming both addresses, the others do not run', async () => {
    const v = await stored(hashesText, {
      signed: { text: hashesText, signature: await rogue.signMessage({ message: hashesText }) },
    });
    expect(v.state).toBe('failed');
    const checks = verificationChecks(v);
    expect(states(checks)).toEqual({ signer: 'failed', request: 'not-run', response: 'not-run' });
    expect(checks[0]!.detail).toContain(rogue.address);
    expect(checks[0]!.detail).toContain(tee.address);
  });

  it('malformed signature, SDK rejection and an unacknowledged signer fail the signer row only', async () => {
    const malformed = await stored(hashesText, { signed: { text: hashesText, signature: '0x1234' } });
    const sdk = await stored(hashesText, { sdkVerdict: false });
    const unacked = await stored(proofText(), { mode: 'TeeTLS', signerAcknowledged: false });
    for (const v of [malformed, sdk, unacked]) {
      expect(v.state).toBe('failed');
      const [signer, ...rest] = verificationChecks(v);
      expect(signer!.state).toBe('failed');
      for (const c of rest) expect(c.state).toBe('not-run');
    }
    expect(verificationChecks(malformed)[0]!.detail).toMatch(/malformed/);
    expect(verificationChecks(unacked)[0]!.detail).toMatch(/not acknowledged on chain by the contract owner/);
  });

  it('unavailable and verifying: nothing ran', async () => {
    const unavailable = await stored(hashesText, { signed: null, unavailable: 'HTTP 502' });
    const verifying: StoredVerification = { state: 'verifying', reason: '' };
    for (const v of [unavailable, verifying]) {
      const checks = verificationChecks(v);
      expect(checks).toHaveLength(3);
      for (const c of checks) expect(c.state).toBe('not-run');
    }
    expect(verificationChecks(verifying)[0]!.detail).toMatch(/still running/);
    expect(verificationChecks(unavailable)[0]!.detail).toMatch(/No signature has been fetched/);
  });

  it('not verifiable without a mode, a chat ID or a whole answer: nothing ran', async () => {
    const incomplete: StoredVerification = { state: 'not-verifiable', reason: 'The answer is incomplete.' };
    for (const v of [
      await stored(hashesText, { mode: 'none' }),
      await stored(proofText(), { mode: 'TeeTLS', chatId: null }),
      incomplete,
    ]) {
      for (const c of verificationChecks(v)) expect(c.state).toBe('not-run');
    }
    expect(verificationChecks(await stored(proofText(), { mode: 'TeeTLS', chatId: null }))).toHaveLength(4);
  });

  it('not verifiable with a good signature: the signer passes, the content is not bound', async () => {
    const unknown = verificationChecks(await stored('hello', { mode: 'TeeTLS' }));
    expect(states(unknown)).toEqual({ signer: 'passed', request: 'not-run', response: 'not-run', route: 'not-run' });
    expect(unknown[1]!.detail).toMatch(/format this app does not recognise/);
    // Hashes of the right bytes, but of the other mode's kind of text: still not bound.
    const wrongKind = verificationChecks(await stored(proofText()));
    expect(states(wrongKind)).toEqual({ signer: 'passed', request: 'not-run', response: 'not-run' });
    const other = privateKeyToAccount(generatePrivateKey()).address;
    const elsewhere = verificationChecks(await stored(proofText({ provider: other }), { mode: 'TeeTLS' }));
    expect(states(elsewhere)).toEqual({ signer: 'passed', request: 'not-run', response: 'not-run', route: 'not-run' });
  });
});

describe('verificationChecks on old, odd or imported records', () => {
  it('reads a record the same before and after a JSON round trip, imported mark included', async () => {
    const v = await stored(proofText(), { mode: 'TeeTLS' });
    expect(verificationChecks({ ...v, imported: true })).toEqual(verificationChecks(v));
  });

  it('never passes a row whose values are missing', async () => {
    const v = await stored(proofText(), { mode: 'TeeTLS' });
    const needs: Record<string, VerificationCheck['id'][]> = {
      recoveredSigner: ['signer', 'request', 'response', 'route'],
      expectedSigner: ['signer', 'request', 'response', 'route'],
      localRequestHash: ['request'],
      signedRequestHash: ['request'],
      localResponseHash: ['response'],
      signedResponseHash: ['response'],
      proof: ['route'],
    };
    for (const [key, ids] of Object.entries(needs)) {
      const without = { ...v };
      delete without[key];
      const checks = verificationChecks(without);
      for (const c of checks) if (ids.includes(c.id)) expect([key, c.state]).toEqual([key, 'not-run']);
    }
  });

  it('does not trust a stored "verified" over its own values', async () => {
    const v = await stored(hashesText);
    const tampered = verificationChecks({ ...v, signedResponseHash: 'e'.repeat(64) });
    expect(states(tampered)).toEqual({ signer: 'passed', request: 'passed', response: 'failed' });
    const otherSigner = verificationChecks({ ...v, recoveredSigner: rogue.address });
    expect(states(otherSigner)).toEqual({ signer: 'failed', request: 'not-run', response: 'not-run' });
    const unacked = verificationChecks({ ...v, signerAcknowledged: false });
    expect(states(unacked)).toEqual({ signer: 'failed', request: 'not-run', response: 'not-run' });
  });

  it('compares addresses and digests however they are cased or prefixed', async () => {
    const v = await stored(hashesText);
    const checks = verificationChecks({
      ...v,
      recoveredSigner: tee.address.toLowerCase(),
      localRequestHash: `0x${hex(requestBytes).toUpperCase()}`,
    });
    expect(states(checks)).toEqual({ signer: 'passed', request: 'passed', response: 'passed' });
  });

  it('shows nothing as run for an unknown state, even with equal values', async () => {
    const v = await stored(hashesText);
    for (const state of ['bogus', undefined, 42, null]) {
      const checks = verificationChecks(odd({ ...v, state }));
      expect(checks.map((c) => c.state)).toEqual<CheckState[]>(['not-run', 'not-run', 'not-run']);
    }
  });

  it('survives fields of the wrong type without throwing or passing', () => {
    const hostile = odd({
      state: 'verified',
      reason: 7,
      mode: 'TeeTLS',
      expectedSigner: { toLowerCase: () => 'x' },
      recoveredSigner: ['0x'],
      localRequestHash: 123,
      signedRequestHash: 123,
      localResponseHash: null,
      signedResponseHash: 'a'.repeat(63),
      proof: 'api.openai.com',
    });
    const checks = verificationChecks(hostile);
    expect(checks).toHaveLength(4);
    for (const c of checks) expect(c.state).toBe('not-run');
    expect(verificationChecks(odd({}))).toHaveLength(3);
  });

  it('does not pass the route without an upstream identity and a fingerprint', async () => {
    const v = await stored(proofText(), { mode: 'TeeTLS' });
    for (const proof of [
      null,
      'proof',
      { providerIdentity: 'api.openai.com' },
      { providerIdentity: ' ', tlsCertFingerprint: 'AB' },
      { providerIdentity: 'api.openai.com', tlsCertFingerprint: 5 },
    ]) {
      const route = verificationChecks({ ...v, proof }).find((c) => c.id === 'route');
      expect(route?.state).toBe('not-run');
    }
  });
});
