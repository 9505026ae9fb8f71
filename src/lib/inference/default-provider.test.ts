import { describe, expect, it } from 'vitest';
import type { SubAccount } from '../chain/ledger-reads';
import type { Service } from '../chain/services';
import { defaultProvider } from './default-provider';

const svc = (n: number, price: bigint, extra: Partial<Service> = {}): Service => ({
  provider: `0x${n.toString(16).padStart(40, '0')}`,
  serviceType: 'chatbot',
  url: 'http://x',
  inputPrice: price,
  outputPrice: price,
  updatedAt: 0n,
  model: `m${n}`,
  verifiability: 'TeeML',
  additionalInfo: '{}',
  teeSignerAddress: '0x0000000000000000000000000000000000000009',
  teeSignerAcknowledged: true,
  ...extra,
});
const sub = (s: Service, balance: bigint): SubAccount => ({
  kind: 'inference',
  provider: s.provider,
  balance,
  pendingRefund: 0n,
  refunds: [],
  acknowledged: true,
});
const [a, b, c] = [svc(1, 5n), svc(2, 3n), svc(3, 1n, { verifiability: 'none' })];
const all = [a, b, c];

describe('defaultProvider', () => {
  it('opens the provider used or funded last', () => {
    const activity = {
      last: { chatbot: { provider: a.provider, at: 1, how: 'funded' as const } },
      firstVerifiedAt: null,
    };
    expect(defaultProvider(all, activity, [sub(b, 9n)])).toMatchObject({ service: a, why: 'last-funded', note: null });
  });

  it('else the most funded one', () => {
    expect(defaultProvider(all, null, [sub(a, 1n), sub(b, 2n)])).toMatchObject({ service: b, why: 'funded' });
  });

  it('ignores a remembered provider that is gone and a sub-account with nothing usable', () => {
    const gone = {
      last: { chatbot: { provider: svc(9, 1n).provider, at: 1, how: 'used' as const } },
      firstVerifiedAt: null,
    };
    expect(defaultProvider(all, gone, [sub(a, 0n)])?.why).toBe('cheapest');
  });

  it('else the cheapest verifiable one, with a note', () => {
    const d = defaultProvider(all, null, []);
    expect(d?.service).toBe(b); // c is cheaper but declares no TEE mode
    expect(d?.note).toMatch(/^Suggested: the cheapest provider that declares a TEE mode/);
  });

  it('nothing to choose from', () => {
    expect(defaultProvider([], null, [])).toBeNull();
  });
});
