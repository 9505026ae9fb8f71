// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import type { Address } from 'viem';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAttestationCheck, type AttestationOutcome } from '../../hooks/provider/use-attestation';
import type { FineTuningService } from '../../lib/chain/services';
import type { AttestationSummary } from '../../lib/verify/attestation';
import { ProviderStep } from './provider-step';

vi.mock('../../hooks/provider/use-attestation', () => ({ useAttestationCheck: vi.fn() }));

const HOSTILE = '<img src=x onerror=alert(1)>';
const LONG = 'm'.repeat(10_000);
const A = '0x00000000000000000000000000000000000000a1' as Address;
const B = '0x00000000000000000000000000000000000000b2' as Address;

const service = (provider: Address, over: Partial<FineTuningService> = {}): FineTuningService => ({
  provider,
  url: 'https://ft.example',
  models: ['Qwen2.5-0.5B'],
  pricePerToken: 1_000_000n,
  quota: { cpuCount: 8n, nodeMemory: 64n, gpuCount: 1n, nodeStorage: 500n, gpuType: 'H100' },
  occupied: false,
  teeSignerAddress: '0x00000000000000000000000000000000000000cc',
  teeSignerAcknowledged: true,
  ...over,
});

const outcome = (overall: AttestationSummary['overall'], detail = 'Report signer is the on-chain TEE signer.') =>
  ({
    provider: A,
    network: '0G Local Devnet',
    checkedAt: '2025-01-01T00:00:00.000Z',
    summary: {
      overall,
      checks: [{ id: 'signer', label: 'TEE signer matches the report data', status: 'passed', detail }],
      manualSteps: [],
    },
    result: { success: true, teeVerifier: '', targetSeparated: false, reportsData: {}, dockerImages: [] },
  }) satisfies AttestationOutcome;

function attested(o: AttestationOutcome | null) {
  vi.mocked(useAttestationCheck).mockReturnValue({
    run: { mutate: vi.fn(), isPending: false, isError: false, error: null },
    log: [],
    outcome: o,
  } as unknown as ReturnType<typeof useAttestationCheck>);
}

/** The wizard's part: it keeps which provider's failed check was acknowledged. */
function Harness({ services, chosen, onNext }: { services: FineTuningService[]; chosen: Address; onNext: () => void }) {
  const [acceptedFor, setAcceptedFor] = useState<string | undefined>(undefined);
  return (
    <ProviderStep
      services={services}
      chosen={services.find((s) => s.provider === chosen)}
      acceptedFor={acceptedFor}
      onChoose={() => {}}
      onAccept={setAcceptedFor}
      onNext={onNext}
    />
  );
}

const cont = () => screen.getByRole('button', { name: 'Continue to the model' }) as HTMLButtonElement;
const ack = () => screen.queryByRole('checkbox', { name: /attestation check did not pass/ });

/** The innermost elements with a text node that contains `needle`. */
const holders = (root: HTMLElement, needle: string) =>
  [...root.querySelectorAll('*')].filter((el) =>
    [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.includes(needle)),
  );

beforeEach(() => attested(null));
afterEach(cleanup);

describe('ProviderStep', () => {
  it('renders hostile and very long chain data as wrapping text only', () => {
    attested(outcome('passed', HOSTILE));
    const hostile = service(A, { models: [HOSTILE, LONG], quota: { ...service(A).quota, gpuType: HOSTILE } });
    const { container } = render(<Harness services={[hostile]} chosen={A} onNext={() => {}} />);
    expect(container.querySelector('img, script, iframe, object, embed, [onerror]')).toBeNull();
    expect(container.querySelector('a[href^="javascript:" i]')).toBeNull();
    expect(screen.getByText(`Models: ${HOSTILE}, ${LONG}`)).toBeDefined();
    expect(screen.getByText(`1 × ${HOSTILE}, 64 GB memory, 8 CPUs`)).toBeDefined();
    // The attestation detail comes from the provider's report.
    expect(screen.getByText(HOSTILE, { selector: 'p' })).toBeDefined();
    for (const el of holders(container, LONG)) expect(el.closest('.break-words, .break-all')).not.toBeNull();
  });

  // gpuType comes from the chain with no length limit: the hardware line must wrap, not widen the card.
  it('wraps a 10,000-character gpuType from chain', () => {
    const long = service(A, { quota: { ...service(A).quota, gpuType: LONG } });
    const { container } = render(<Harness services={[long]} chosen={A} onNext={() => {}} />);
    const found = holders(container, LONG);
    expect(found).toHaveLength(1);
    for (const el of found) expect(el.closest('.break-words, .break-all')).not.toBeNull();
  });

  it('keeps Continue disabled until the provider was checked', () => {
    render(<Harness services={[service(A)]} chosen={A} onNext={() => {}} />);
    expect(cont().disabled).toBe(true);
    expect(ack()).toBeNull();
    expect(screen.getByText(/Check the provider’s attestation first/)).toBeDefined();
  });

  it('enables Continue after a passed attestation, with nothing to acknowledge', () => {
    attested(outcome('passed'));
    const onNext = vi.fn();
    render(<Harness services={[service(A)]} chosen={A} onNext={onNext} />);
    expect(ack()).toBeNull();
    fireEvent.click(cont());
    expect(onNext).toHaveBeenCalledOnce();
  });

  it.each(['failed', 'incomplete'] as const)(
    'when the check is %s, enables Continue only once that is acknowledged',
    (o) => {
      attested(outcome(o));
      const onNext = vi.fn();
      render(<Harness services={[service(A)]} chosen={A} onNext={onNext} />);
      expect(cont().disabled).toBe(true);
      fireEvent.click(cont());
      expect(onNext).not.toHaveBeenCalled();
      fireEvent.click(ack()!);
      expect(cont().disabled).toBe(false);
      fireEvent.click(ack()!);
      expect(cont().disabled).toBe(true);
    },
  );

  it('does not carry one provider’s acknowledgement over to another', () => {
    attested(outcome('failed'));
    const services = [service(A), service(B)];
    const view = render(<Harness services={services} chosen={A} onNext={() => {}} />);
    fireEvent.click(ack()!);
    expect(cont().disabled).toBe(false);
    view.rerender(<Harness services={services} chosen={B} onNext={() => {}} />);
    expect(cont().disabled).toBe(true);
    expect((ack() as HTMLInputElement).checked).toBe(false);
  });
});
