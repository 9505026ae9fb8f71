// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LoadedProof } from '../../hooks/verify/use-proof-input';
import type { AnswerProof } from '../../lib/proof/bundle';
import type { ProofReport, ProofRow } from '../../lib/proof/check';
import { ProofContent } from './proof-content';
import { ProofFacts } from './proof-facts';
import { ProofRows } from './proof-rows';
import { ProofVerdict } from './proof-verdict';

afterEach(cleanup);

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
const b64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));
const stream = (content: string) =>
  `data: ${JSON.stringify({ id: 'c1', choices: [{ delta: { content } }] })}\n\ndata: [DONE]\n\n`;

function bundle(over: Partial<AnswerProof> = {}): AnswerProof {
  const addr = '0x1111111111111111111111111111111111111111';
  return {
    format: '0g-compute-proof',
    version: 1,
    kind: 'chat',
    createdAt: HOSTILE,
    network: { chainId: 31337, name: HOSTILE, contracts: { ledger: addr, inference: addr, fineTuning: addr } },
    service: {
      provider: addr,
      serviceType: HOSTILE,
      model: HOSTILE,
      url: 'javascript:alert(1)',
      verifiability: HOSTILE,
      teeSigner: addr,
      signerSource: 'contract',
      readAt: HOSTILE,
    },
    chatId: HOSTILE,
    signed: { text: HOSTILE, signature: HOSTILE },
    request: { sha256: 'a'.repeat(64) },
    response: { sha256: 'b'.repeat(64), bytes: b64(stream(`**bold** ${HOSTILE} [x](javascript:alert(1))`)) },
    verdict: { state: 'verified', reason: HOSTILE, checkedAt: HOSTILE },
    ...over,
  };
}

const loaded = (b: AnswerProof): LoadedProof => ({ key: 'k', bundle: b, from: 'text' });
const report = (over: Partial<ProofReport>): ProofReport => ({
  rows: [],
  verified: false,
  contentIncluded: true,
  signerChanged: false,
  networkKnown: true,
  sentences: [],
  ...over,
});

describe('the /verify pieces that render a bundle', () => {
  it('show hostile text in every field as text, with no element or script made from it', () => {
    const { container } = render(
      <>
        <ProofFacts bundle={bundle()} />
        <ProofContent loaded={loaded(bundle())} allowLocalHttp={false} />
      </>,
    );
    expect(container.querySelector('img, script, iframe')).toBeNull();
    expect(screen.getAllByText(HOSTILE, { exact: false }).length).toBeGreaterThan(5);
    // The answer is Markdown: bold is bold, the javascript: link is no link.
    expect(screen.getByText('bold').tagName).toBe('STRONG');
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
    expect((window as unknown as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it('say that a hashes-only proof carries no content', () => {
    const b = bundle({ response: { sha256: 'b'.repeat(64) } });
    render(<ProofContent loaded={loaded(b)} allowLocalHttp={false} />);
    expect(screen.getByText(/Content is not included in this proof/)).toBeTruthy();
  });

  it('say "Verified" only when the report is verified, and list every sentence', () => {
    const { rerender } = render(<ProofVerdict report={report({ verified: true })} />);
    expect(screen.getByRole('status').textContent).toMatch(/^Verified/);
    rerender(<ProofVerdict report={report({ sentences: ['The signer changed.', HOSTILE] })} />);
    expect(screen.getByRole('status').textContent).toMatch(/^Not verified/);
    const found = within(screen.getByRole('list', { name: 'What the check found' })).getAllByRole('listitem');
    expect(found.map((li) => li.textContent)).toEqual(['The signer changed.', HOSTILE]);
  });

  it('say plainly when the signer changed or the network is unknown, and never green a hashes-only proof', () => {
    const passed: ProofRow = { id: 'signer', label: 'Signer', status: 'passed', detail: 'ok' };
    const { rerender } = render(<ProofVerdict report={report({ signerChanged: true, networkKnown: false })} />);
    expect(screen.getByText(/TEE signer on chain has changed since this proof was made/)).toBeTruthy();
    expect(screen.getByText(/network is not one this app knows/)).toBeTruthy();
    rerender(<ProofVerdict report={report({ rows: [passed], contentIncluded: false })} />);
    expect(screen.getByRole('status').textContent).toMatch(/^Not verified.*content is not included/);
  });

  it('never show an unknown row status as passed', () => {
    const rows = [
      { id: 'signer', label: 'Signer', status: 'passed', detail: 'ok' },
      { id: 'response', label: 'Response bound', status: 'green!' as unknown as ProofRow['status'], detail: 'x' },
    ] satisfies ProofRow[];
    render(<ProofRows rows={rows} />);
    const items = within(screen.getByRole('list', { name: 'Checks' })).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('p')?.textContent)).toEqual([
      'Signer: Passed',
      'Response bound: Not run',
    ]);
  });
});
