import { describe, expect, it } from 'vitest';
import type { StoredVerification } from '../../lib/chat/types';
import { verifiedFixture } from '../../lib/proof/test-fixtures';
import type { VerificationResult } from '../../lib/verify/response';
import { bundleMediaType, chatProofName, proofService, proofVerification, type ProofSource } from './proof-source';

const asStored = (v: VerificationResult) => JSON.parse(JSON.stringify(v)) as StoredVerification;

describe('proofVerification', () => {
  it('takes a stored verifier result, addresses checksummed', async () => {
    const { verification } = await verifiedFixture();
    const lower = { ...asStored(verification), provider: verification.provider.toLowerCase() };
    const v = proofVerification(lower);
    expect(typeof v).toBe('object');
    expect((v as VerificationResult).provider).toBe(verification.provider);
  });

  it('says why for a placeholder, a record still verifying, an imported or an ill-typed one', async () => {
    const { verification } = await verifiedFixture();
    expect(proofVerification({ state: 'not-verifiable', reason: 'No answer arrived to verify.' })).toMatch(/older/);
    expect(proofVerification({ ...asStored(verification), state: 'verifying' })).toMatch(/finished/);
    expect(proofVerification({ ...asStored(verification), imported: true })).toMatch(/imported/);
    for (const bad of [{ localResponseHash: 'ABC' }, { expectedSigner: '<img>' }, { checkedAt: 'soon' }, { mode: 'X' }])
      expect(typeof proofVerification({ ...asStored(verification), ...bad })).toBe('string');
  });
});

describe('proofService', () => {
  it('prefers the page’s service, then the chain’s while it is the one that answered, else rebuilds the saved one', async () => {
    const { service, verification: v } = await verifiedFixture();
    const source: ProofSource = { kind: 'image', fileName: 'x', stored: { model: service.model, url: service.url } };
    expect(proofService(v, { ...source, service }, undefined)).toBe(service);
    expect(proofService(v, source, [service])).toBe(service);
    const moved = { ...service, url: 'https://elsewhere.example' };
    const rebuilt = proofService(v, source, [moved]);
    expect(rebuilt).toMatchObject({ url: service.url, model: service.model, serviceType: 'chatbot' });
    expect(rebuilt.verifiability).toBe(v.mode);
    const gone = proofService(v, source, []);
    expect(gone).toMatchObject({ provider: v.provider, url: service.url, serviceType: 'text-to-image' });
  });
});

describe('names and types', () => {
  it('names a chat proof from the chat ID only, safely', () => {
    expect(chatProofName('chat-1a2b3c4d')).toBe('chat-answer-chat-1a2b3c4-proof.json');
    expect(chatProofName('../../etc')).toMatch(/^chat-answer-[a-z0-9-]*-proof\.json$/);
    expect(chatProofName(null)).toBe('chat-answer-proof.json');
  });

  it('gives a media type the bundle accepts', () => {
    expect(bundleMediaType('audio/webm;codecs=opus')).toBe('audio/webm');
    expect(bundleMediaType('Audio/WAV')).toBe('audio/wav');
    expect(bundleMediaType('<script>')).toBe('application/octet-stream');
  });
});
