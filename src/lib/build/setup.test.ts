import { describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import type { LedgerInfo, SubAccount } from '../chain/ledger-reads';
import { setupSteps, type Read } from './setup';

const PROVIDER: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const OG = 10n ** 18n;
const ledger: LedgerInfo = { total: 5n * OG, available: 4n * OG, locked: OG };
const sub = (over: Partial<SubAccount> = {}): SubAccount => ({
  kind: 'inference',
  provider: PROVIDER.toLowerCase() as Address,
  balance: OG,
  pendingRefund: 0n,
  refunds: [],
  acknowledged: true,
  ...over,
});
const ok = <T>(data: T): Read<T> => ({ status: 'success', data });
const pending: Read<never> = { status: 'pending', data: undefined };
const failed: Read<never> = { status: 'error', data: undefined };

const steps = (connected: boolean, l: Read<LedgerInfo | null>, s: Read<SubAccount[]>) =>
  setupSteps({ connected, provider: PROVIDER, ledger: l, subAccounts: s });
const statuses = (x: ReturnType<typeof steps>) => [x.wallet, x.ledger, x.subAccount, x.ready];

describe('setupSteps', () => {
  it('without a wallet nothing is done, whatever a read says', () => {
    expect(statuses(steps(false, pending, pending))).toEqual(['todo', 'todo', 'todo', false]);
    expect(statuses(steps(false, ok(ledger), ok([sub()])))).toEqual(['todo', 'todo', 'todo', false]);
  });

  it('follows the ledger read: checking, could not read, none, one', () => {
    expect(statuses(steps(true, pending, pending))).toEqual(['done', 'checking', 'checking', false]);
    expect(statuses(steps(true, failed, pending))).toEqual(['done', 'unknown', 'unknown', false]);
    expect(statuses(steps(true, ok(null), ok([])))).toEqual(['done', 'todo', 'todo', false]);
    expect(statuses(steps(true, ok(ledger), pending))).toEqual(['done', 'done', 'checking', false]);
  });

  it('wants an inference sub-account with this provider that the provider can still charge', () => {
    expect(statuses(steps(true, ok(ledger), ok([])))).toEqual(['done', 'done', 'todo', false]);
    const other = sub({ provider: '0x0000000000000000000000000000000000000001' });
    expect(statuses(steps(true, ok(ledger), ok([other, sub({ kind: 'fine-tuning' })])))).toEqual([
      'done',
      'done',
      'todo',
      false,
    ]);
    // Everything is being retrieved: nothing left to pay with.
    expect(steps(true, ok(ledger), ok([sub({ pendingRefund: OG })]))).toMatchObject({ subAccount: 'todo', usable: 0n });
    const partly = steps(true, ok(ledger), ok([other, sub({ balance: 3n * OG, pendingRefund: OG })]));
    expect(partly).toMatchObject({ subAccount: 'done', ready: true, usable: 2n * OG, ledgerInfo: ledger });
    expect(partly.sub?.balance).toBe(3n * OG);
  });
});
