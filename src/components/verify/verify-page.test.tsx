// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NetworkContext } from '../../hooks/network/use-network';
import { buildProof, proofJsonText } from '../../lib/proof/bundle';
import type { ChainView } from '../../lib/proof/check';
import { NETWORK, verifiedFixture } from '../../lib/proof/test-fixtures';
import { VerifyPage } from '../../pages/verify';

// The chain read is the one thing stubbed: each test says what the chain holds now.
const chainNow = vi.hoisted(() => ({ view: null as ChainView | null }));
vi.mock('../../lib/proof/check', async (original) => ({
  ...(await original<typeof import('../../lib/proof/check')>()),
  readChainView: () => Promise.resolve(chainNow.view),
}));

afterEach(cleanup);

function renderPage(entry = '/verify') {
  const client = new QueryClient();
  const value = { network: NETWORK, networks: [NETWORK], setNetwork: () => {} };
  return render(
    <QueryClientProvider client={client}>
      <NetworkContext.Provider value={value}>
        <MemoryRouter initialEntries={[entry]}>
          <VerifyPage />
        </MemoryRouter>
      </NetworkContext.Provider>
    </QueryClientProvider>,
  );
}

function paste(text: string) {
  fireEvent.change(screen.getByRole('textbox', { name: 'Or paste a proof (JSON)' }), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Check pasted proof' }));
}

async function bundleText(over: (b: ReturnType<typeof buildProof>) => object = (b) => b) {
  const f = await verifiedFixture();
  chainNow.view = f.chain;
  const b = buildProof({
    kind: 'chat',
    network: NETWORK,
    service: f.service,
    verification: f.verification,
    exchange: { request: f.request, response: f.response },
  });
  return { text: JSON.stringify(over(b)), fixture: f, json: proofJsonText(b) };
}

// The badge of the check made here, not the bundle's own claim (shown as text among the facts).
const verdict = () => screen.findByText(/^(Verified|Not verified)$/, { selector: 'span' });

describe('VerifyPage', () => {
  it('checks a pasted proof: every row passes, "Verified", the answer shown as text', async () => {
    const { json } = await bundleText();
    renderPage();
    paste(json);
    expect((await verdict()).textContent).toBe('Verified');
    const rows = within(screen.getByRole('list', { name: 'Checks' })).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const r of rows) expect(r.textContent).toMatch(/: Passed/);
    expect(screen.getByRole('region', { name: 'Content' }).textContent).toContain('Hello!');
  });

  it('never says "Verified" when the signer changed on chain since, and says so', async () => {
    const { json, fixture } = await bundleText();
    chainNow.view = { ...fixture.chain, service: { teeSigner: NETWORK.contracts.ledger, acknowledged: true } };
    renderPage();
    paste(json);
    expect((await verdict()).textContent).toBe('Not verified');
    expect(screen.getByText(/TEE signer on chain has changed since this proof was made/)).toBeTruthy();
  });

  it('gives a sentence, never a result, for malformed JSON, another version and a broken link', async () => {
    const { text } = await bundleText((b) => ({ ...b, version: 2 }));
    renderPage('/verify#p=not-a-proof');
    expect(await screen.findByText(/link|proof/i, { selector: 'p.text-red-700' })).toBeTruthy();
    paste('{"format":');
    expect(screen.getByText(/JSON/, { selector: 'p.text-red-700' })).toBeTruthy();
    paste(text);
    expect(screen.getByText(/version/i, { selector: 'p.text-red-700' })).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Checks' })).toBeNull();
  });
});
