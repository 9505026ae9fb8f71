import { describe, expect, it } from 'vitest';
import type { SubAccount } from '../chain/ledger-reads';
import type { Service } from '../chain/services';
import { NEURON_PER_OG } from '../units';
import { needsFunding, preflight, preflightSentence, type PreflightInput } from './preflight';

const service = (provider: `0x${string}`, model = 'm'): Service => ({
  provider,
  serviceType: 'chatbot',
  url: 'http://127.0.0.1:1/x',
  inputPrice: 1n,
  outputPrice: 2n,
  updatedAt: 0n,
  model,
  verifiability: 'TeeML',
  additionalInfo: '{}',
  teeSignerAddress: '0x0000000000000000000000000000000000000009',
  teeSignerAcknowledged: true,
});
const A = service('0x00000000000000000000000000000000000000aa', 'model-a');
const B = service('0x00000000000000000000000000000000000000bb', 'model-b');
const sub = (provider: `0x${string}`, balance: bigint, pendingRefund = 0n, acknowledged = true): SubAccount => ({
  kind: 'inference',
  provider,
  balance,
  pendingRefund,
  refunds: [],
  acknowledged,
});
const base = (over: Partial<PreflightInput>): PreflightInput => ({
  connected: true,
  walletChainId: 31337,
  network: { id: 31337, name: 'Local devnet' },
  subAccounts: [],
  needs: [],
  ...over,
});

describe('preflight', () => {
  it('covers the estimate exactly: equal passes, one neuron short is low', () => {
    const estimate = 3n * NEURON_PER_OG;
    const needs = [{ service: A, estimate }];
    expect(preflight(base({ needs, subAccounts: [sub(A.provider, estimate)] }))).toEqual([]);
    const short = preflight(base({ needs, subAccounts: [sub(A.provider, estimate - 1n)] }));
    expect(short).toEqual([{ kind: 'low', need: needs[0], usable: estimate - 1n }]);
    // Rounded, both would read "3 0G": at the boundary the sentence shows every digit.
    expect(preflightSentence(short[0]!)).toBe(
      'The sub-account holds 2.999999999999999999 0G; this message may cost up to 3 0G. Top it up first.',
    );
    const far = preflight(base({ needs, subAccounts: [sub(A.provider, NEURON_PER_OG)] }));
    expect(preflightSentence(far[0]!)).toBe(
      'The sub-account holds 1 0G; this message may cost up to 3 0G. Top it up first.',
    );
  });

  it('counts a pending refund as gone', () => {
    const needs = [{ service: A, estimate: 10n }];
    expect(preflight(base({ needs, subAccounts: [sub(A.provider, 15n, 6n)] }))[0]?.kind).toBe('low');
    expect(preflight(base({ needs, subAccounts: [sub(A.provider, 16n, 6n)] }))).toEqual([]);
  });

  it('names every provider that cannot pay, so none is paid when another cannot be', () => {
    const needs = [
      { service: A, estimate: 5n, label: 'The left side (model-a)' },
      { service: B, estimate: 5n, label: 'The right side (model-b)' },
    ];
    const problems = preflight(base({ needs, subAccounts: [sub(A.provider, 5n)] }));
    expect(problems).toEqual([{ kind: 'no-sub-account', need: needs[1] }]);
    expect(preflightSentence(problems[0]!)).toBe(
      'The right side (model-b): You have no sub-account with model-b yet. Fund it first: nothing is ever funded automatically.',
    );
    expect(problems.every(needsFunding)).toBe(true);
  });

  it('stops before anything else without a wallet, on another chain, or while sub-accounts load', () => {
    const needs = [{ service: A, estimate: 1n }];
    expect(preflight(base({ needs, connected: false }))).toEqual([{ kind: 'no-wallet' }]);
    const wrong = preflight(base({ needs, walletChainId: 16661 }));
    expect(wrong).toEqual([{ kind: 'wrong-network', networkName: 'Local devnet' }]);
    expect(preflightSentence(wrong[0]!)).toBe('Switch the wallet to Local devnet first.');
    expect(preflight(base({ needs, subAccounts: undefined }))).toEqual([{ kind: 'loading' }]);
  });

  it('an unacknowledged sub-account is not a funding problem', () => {
    const p = preflight(base({ needs: [{ service: A, estimate: 1n }], subAccounts: [sub(A.provider, 9n, 0n, false)] }));
    expect(p[0]?.kind).toBe('not-acknowledged');
    expect(needsFunding(p[0]!)).toBe(false);
  });
});
