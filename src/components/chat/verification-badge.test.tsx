// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { sha256 } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredVerification } from '../../lib/chat/types';
import { proofJson, verifyResponse, type VerificationInput } from '../../lib/verify/response';
import { VerificationBadge } from './verification-badge';

const tee = privateKeyToAccount(generatePrivateKey());
const rogue = privateKeyToAccount(generatePrivateKey());
const provider = privateKeyToAccount(generatePrivateKey()).address;
const hex = (b: Uint8Array) => sha256(b).slice(2);
const requestBytes = new TextEncoder().encode('{"model":"m","messages":[{"role":"user","content":"Hi"}]}');
const responseBytes = new TextEncoder().encode('{"id":"c1","choices":[{"message":{"content":"Hello"}}]}');
const hashesText = `${hex(requestBytes)}:${hex(responseBytes)}`;
const HOSTILE = '<img src=x onerror=alert(1)>';

const proofText = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({
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

/** Renders the badge, presses it as a person would, and returns the rows of the Checks list. */
function openChecks(verification: StoredVerification) {
  render(<VerificationBadge verification={verification} />);
  fireEvent.click(screen.getByRole('button', { name: /verif|mismatch/i }));
  const dialog = screen.getByRole('dialog');
  const rows = within(within(dialog).getByRole('list', { name: 'Checks' })).getAllByRole('listitem');
  return { dialog, rows, text: rows.map((r) => r.textContent ?? '') };
}

afterEach(cleanup);

describe('VerificationBadge detail', () => {
  it('never says Verified for a picture fetched from a link: the signature covers the link only', async () => {
    render(<VerificationBadge verification={await stored(hashesText)} scope="link" />);
    expect(screen.queryByRole('button', { name: 'Verified' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Link signed, picture not verified' }));
    const dialog = screen.getByRole('dialog', { name: 'Verification: Link signed, picture not verified' });
    expect(dialog.textContent).toContain('not the picture the app fetched from it');
  });

  it('shows a failed check as failed whatever the scope', async () => {
    const rogueText = hashesText;
    const v = await stored(rogueText, { expectedSigner: rogue.address });
    render(<VerificationBadge verification={v} scope="link" />);
    expect(screen.getByRole('button', { name: 'Verification failed' })).toBeTruthy();
  });

  it('keeps the badge text and opens the dialog only when pressed', async () => {
    render(<VerificationBadge verification={await stored(hashesText)} />);
    expect(screen.queryByRole('list', { name: 'Checks' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Verified' }));
    expect(screen.getByRole('dialog', { name: 'Verification: Verified' })).toBeTruthy();
  });

  it('shows three passed rows for a verified TeeML answer, above the raw fields', async () => {
    const { dialog, text } = openChecks(await stored(hashesText, { signerSource: 'contract' }));
    expect(text).toHaveLength(3);
    expect(text[0]).toMatch(/^Signed by the provider's TEE key: Passed/);
    expect(text[1]).toMatch(/^Request bound: Passed/);
    expect(text[2]).toMatch(/^Response bound: Passed/);
    expect(text[0]).toContain(tee.address);
    expect(
      within(dialog).getByText("The service's TEE signer signed the hashes of exactly this request and response."),
    ).toBeTruthy();
    expect(within(dialog).getByText("The contract's teeSignerAddress")).toBeTruthy();
    // Proofs are one bundle format, made only from a proof source (see proof-actions.test.tsx): no raw record copy.
    expect(within(dialog).queryByRole('button', { name: 'Copy proof (JSON)' })).toBeNull();
    const list = within(dialog).getByRole('list', { name: 'Checks' });
    const rawFields = dialog.querySelector('dl')!;
    expect(list.compareDocumentPosition(rawFields) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('fails the response row on a content mismatch', async () => {
    const { text } = openChecks(await stored(`${hex(requestBytes)}:${'1'.repeat(64)}`));
    expect(screen.getByRole('dialog', { name: 'Verification: Content mismatch' })).toBeTruthy();
    expect(text[0]).toContain('Passed');
    expect(text[1]).toMatch(/^Request bound: Passed/);
    expect(text[2]).toMatch(/^Response bound: Failed/);
  });

  it('fails the signer row and runs nothing else for a wrong signer', async () => {
    const { text } = openChecks(
      await stored(hashesText, {
        signed: { text: hashesText, signature: await rogue.signMessage({ message: hashesText }) },
      }),
    );
    expect(text[0]).toMatch(/^Signed by the provider's TEE key: Failed/);
    expect(text[0]).toContain(rogue.address);
    expect(text[1]).toMatch(/^Request bound: Not run/);
    expect(text[2]).toMatch(/^Response bound: Not run/);
  });

  it('says when the expected signer is the provider’s own TargetTeeAddress', async () => {
    const { text } = openChecks(await stored(hashesText, { signerSource: 'additional-info' }));
    expect(text[0]).toContain("from the provider's own additionalInfo.TargetTeeAddress");
  });

  it('shows the routing row with the upstream for TeeTLS', async () => {
    const { text } = openChecks(await stored(proofText(), { mode: 'TeeTLS' }));
    expect(text).toHaveLength(4);
    expect(text[3]).toMatch(/^Routed to the named upstream: Passed/);
    expect(text[3]).toContain('api.openai.com');
    expect(text[3]).toContain('AB:CD:EF:01');
  });

  it('renders hostile strings as text', async () => {
    const v = await stored(proofText({ providerIdentity: HOSTILE }), { mode: 'TeeTLS' });
    const { dialog, text } = openChecks({ ...v, signedText: HOSTILE, reason: HOSTILE });
    expect(text[3]).toContain(HOSTILE);
    expect(within(dialog).getAllByText(HOSTILE).length).toBeGreaterThanOrEqual(2);
    expect(document.querySelector('img')).toBeNull();
  });

  it('keeps the imported note and shows odd imported fields without breaking', () => {
    const imported = {
      state: 'verified',
      reason: 'Imported.',
      imported: true,
      mode: 'TeeTLS',
      recoveredSigner: 42,
      proof: { providerIdentity: 'x', timestamp: 'yesterday' },
    } as unknown as StoredVerification;
    render(<VerificationBadge verification={imported} />);
    fireEvent.click(screen.getByRole('button', { name: 'Verified (imported, not checked here)' }));
    const dialog = screen.getByRole('dialog');
    expect(
      within(dialog).getByText('This result came with an imported file; this browser has not checked it.'),
    ).toBeTruthy();
    const rows = within(within(dialog).getByRole('list', { name: 'Checks' })).getAllByRole('listitem');
    for (const row of rows) expect(row.textContent).toContain('Not run');
  });
});
