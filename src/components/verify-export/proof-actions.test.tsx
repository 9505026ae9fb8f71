// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NetworkContext } from '../../hooks/network/use-network';
import type { StoredVerification } from '../../lib/chat/types';
import { parseProof as parseAny, type AnswerProof } from '../../lib/proof/bundle';
import { checkProof } from '../../lib/proof/check';
import { bundleFromFragment } from '../../lib/proof/share';
import { NETWORK, verifiedFixture, type Fixture } from '../../lib/proof/test-fixtures';
import { readProofFile } from '../../lib/proof/zip';
import { VerificationBadge } from '../chat/verification-badge';
import type { ProofSource } from './proof-source';

// These proofs are all of answers.
const parseProof = (text: string) => parseAny(text) as AnswerProof;

const PICTURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 8, 7]);
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const stored = (f: Fixture) => JSON.parse(JSON.stringify(f.verification)) as StoredVerification;

let writeText: ReturnType<typeof vi.fn<(text: string) => Promise<void>>>;
let downloads: Blob[];
beforeEach(() => {
  writeText = vi.fn<(text: string) => Promise<void>>(() => Promise.resolve());
  vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
  downloads = [];
  // downloadFile hands its Blob to an object URL: what the person would save.
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    downloads.push(blob as Blob);
    return 'blob:test';
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const inApp = (node: ReactNode) => (
  <NetworkContext.Provider value={{ network: NETWORK, networks: [NETWORK], setNetwork: () => {} }}>
    {node}
  </NetworkContext.Provider>
);

/** Opens the badge detail and waits for its proof actions, which load on opening. */
async function open(verification: StoredVerification, source: ProofSource, wrap = inApp) {
  render(wrap(<VerificationBadge verification={verification} proof={source} />));
  fireEvent.click(screen.getByRole('button', { name: /^Verif|mismatch/ }));
  const dialog = screen.getByRole('dialog');
  await waitFor(() => expect(within(dialog).queryByText('Preparing the proof…')).toBeNull());
  return dialog;
}

const chat = (f: Fixture, over: Partial<ProofSource> = {}): ProofSource => ({
  kind: 'chat',
  service: f.service,
  exchange: { request: f.request, response: f.response },
  fileName: 'chat-answer-chat-1-proof.json',
  ...over,
});

async function copied(dialog: HTMLElement, name: string): Promise<string> {
  writeText.mockClear();
  // By title: for a moment after a copy the button's name is "Copied".
  const button = await within(dialog).findByTitle(name);
  await act(async () => fireEvent.click(button));
  expect(writeText).toHaveBeenCalledTimes(1);
  return writeText.mock.calls[0]![0];
}

describe('the badge detail’s proof actions', () => {
  it('copies the bundle with the exact bytes, and without them once Hashes only is ticked', async () => {
    const f = await verifiedFixture();
    const dialog = await open(stored(f), chat(f));
    const box = within(dialog).getByRole('checkbox', { name: 'Hashes only' });
    expect((box as HTMLInputElement).checked).toBe(false);
    const full = parseProof(await copied(dialog, 'Copy proof (JSON)'));
    expect(full).toMatchObject({ kind: 'chat', verdict: { state: 'verified' }, response: { bytes: b64(f.response) } });
    expect((await checkProof(full, f.chain)).verified).toBe(true);

    fireEvent.click(box);
    const thin = parseProof(await copied(dialog, 'Copy proof (JSON)'));
    expect(thin.request).toEqual({ sha256: f.verification.localRequestHash });
    expect(thin.response).toEqual({ sha256: f.verification.localResponseHash });
  });

  it('downloads the same bundle as JSON under the answer’s name', async () => {
    const f = await verifiedFixture();
    const dialog = await open(stored(f), chat(f));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Download proof' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const bundle = parseProof(await downloads[0]!.text());
    expect(bundle.request.bytes).toBe(b64(f.request));
    expect((await checkProof(bundle, f.chain)).verified).toBe(true);
  });

  it('copies a share link to /verify holding the hashes-only bundle', async () => {
    const f = await verifiedFixture('TeeTLS');
    const dialog = await open(stored(f), chat(f));
    const link = await copied(dialog, 'Copy share link');
    expect(link.startsWith(`${window.location.origin}/verify#p=`)).toBe(true);
    const bundle = bundleFromFragment(link.slice(link.indexOf('#'))) as AnswerProof;
    expect(bundle.response).toEqual({ sha256: f.verification.localResponseHash });
    expect(bundle.signed).toEqual({ text: f.verification.signedText, signature: f.verification.signature });
  });

  it('hides the share link when the proof is too large for a link', async () => {
    const f = await verifiedFixture();
    const v = { ...stored(f), signedText: 'x'.repeat(9000) };
    const dialog = await open(v, chat(f));
    expect(within(dialog).getByRole('button', { name: 'Copy proof (JSON)' })).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Copy share link' })).toBeNull();
  });

  it('offers hashes only, and says why, when the bytes are not kept', async () => {
    const f = await verifiedFixture();
    const noBytes = 'This app does not keep the bytes.';
    const dialog = await open(stored(f), chat(f, { exchange: undefined, noBytes }));
    const box = within(dialog).getByRole('checkbox', { name: 'Hashes only' }) as HTMLInputElement;
    expect(box.checked && box.disabled).toBe(true);
    expect(within(dialog).getByText(noBytes)).toBeTruthy();
    expect(parseProof(await copied(dialog, 'Copy proof (JSON)')).response.bytes).toBeUndefined();
  });

  it('puts the picture beside proof.json in the zip, and its hash in the JSON', async () => {
    const f = await verifiedFixture();
    const source = chat(f, {
      kind: 'image',
      fileName: 'fox-proof.zip',
      media: { file: 'fox.png', type: 'image/png', role: 'picture', read: () => Promise.resolve(PICTURE) },
    });
    const dialog = await open(stored(f), source);
    const json = parseProof(await copied(dialog, 'Copy proof (JSON)'));
    expect(json.media).toMatchObject({ file: 'fox.png', role: 'picture' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Download proof' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const read = await readProofFile(new Uint8Array(await downloads[0]!.arrayBuffer()), 'fox-proof.zip');
    expect(read.media?.bytes).toEqual(PICTURE);
    expect((await checkProof(read.bundle, f.chain, read.media)).verified).toBe(true);
  });

  it('says so, and makes nothing, for a picture gone from storage', async () => {
    const f = await verifiedFixture();
    const media = {
      file: 'fox.png',
      type: 'image/png',
      role: 'picture' as const,
      read: () => Promise.resolve(undefined),
    };
    const dialog = await open(stored(f), chat(f, { kind: 'image', fileName: 'fox-proof.zip', media }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/no longer here/);
    expect(within(dialog).queryByRole('button', { name: 'Copy proof (JSON)' })).toBeNull();
  });

  it('makes no proof of an imported result, of a result from another network, or outside the app', async () => {
    const f = await verifiedFixture();
    let dialog = await open({ ...stored(f), imported: true }, chat(f));
    expect(dialog.textContent).toMatch(/imported file and was not checked in this browser/);
    expect(within(dialog).queryByRole('button', { name: 'Download proof' })).toBeNull();
    cleanup();
    dialog = await open(stored(f), chat(f, { chainId: 1 }));
    expect(dialog.textContent).toMatch(/another network/);
    expect(within(dialog).queryByRole('button', { name: 'Download proof' })).toBeNull();
    cleanup();
    dialog = await open(stored(f), chat(f), (node) => <>{node}</>);
    expect(within(dialog).queryByRole('button', { name: 'Download proof' })).toBeNull();
  });

  it('refuses bytes that are not the ones verified, in a sentence', async () => {
    const f = await verifiedFixture();
    const edited = Uint8Array.from(f.response);
    edited[0]! ^= 1;
    const dialog = await open(stored(f), chat(f, { exchange: { request: f.request, response: edited } }));
    expect(within(dialog).getByRole('alert').textContent).toMatch(/response bytes given are not the ones/);
    expect(within(dialog).queryByRole('button', { name: 'Copy proof (JSON)' })).toBeNull();
  });
});
