// @vitest-environment happy-dom
import type { Address } from 'viem';
import { describe, expect, it, vi } from 'vitest';
import type { Read } from './build/setup';
import type { LedgerInfo, SubAccount } from './chain/ledger-reads';
import {
  checkCreateAndFund,
  getStartedSteps,
  hideGetStarted,
  ledgerEnough,
  onGetStartedHidden,
  readGetStartedHidden,
  type GetStartedInput,
} from './onboarding';

const OG = 10n ** 18n;
const CHAT_A: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const CHAT_B: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const IMAGE: Address = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
const ledger = (total: bigint): LedgerInfo => ({ total, available: total, locked: 0n });
const sub = (provider: Address, balance: bigint, over: Partial<SubAccount> = {}): SubAccount => ({
  kind: 'inference',
  provider: provider.toLowerCase() as Address,
  balance,
  pendingRefund: 0n,
  refunds: [],
  acknowledged: true,
  ...over,
});
const ok = <T>(data: T): Read<T> => ({ status: 'success', data });
const pending: Read<never> = { status: 'pending', data: undefined };
const failed: Read<never> = { status: 'error', data: undefined };

const input = (over: Partial<GetStartedInput> = {}): GetStartedInput => ({
  connected: true,
  ledger: ok(null),
  subAccounts: ok([]),
  firstVerifiedAt: null,
  chatProviders: [CHAT_A, CHAT_B],
  ...over,
});
const statuses = (i: GetStartedInput) => Object.values(getStartedSteps(i).steps);

describe('getStartedSteps', () => {
  it('a ledger counts from exactly 3 0G in total: 3 0G minus 1 neuron is not enough', () => {
    expect(ledgerEnough(ledger(3n * OG - 1n))).toBe(false);
    expect(ledgerEnough(ledger(3n * OG))).toBe(true);
    expect(ledgerEnough(null)).toBe(false);
    expect(getStartedSteps(input({ ledger: ok(ledger(3n * OG - 1n)) })).steps.ledger).toBe('todo');
    expect(getStartedSteps(input({ ledger: ok(ledger(3n * OG)) })).steps.ledger).toBe('done');
    // Money locked in sub-accounts is still the ledger's.
    expect(
      getStartedSteps(input({ ledger: ok({ total: 3n * OG, available: 2n * OG, locked: OG }) })).steps.ledger,
    ).toBe('done');
  });

  it('without a wallet nothing is done, whatever is read or remembered', () => {
    const i = input({
      connected: false,
      ledger: ok(ledger(5n * OG)),
      subAccounts: ok([sub(CHAT_A, OG)]),
      firstVerifiedAt: 1,
    });
    expect(statuses(i)).toEqual(['todo', 'todo', 'todo', 'todo']);
    expect(getStartedSteps(i)).toMatchObject({ done: 0, allDone: false, ledger: null, chatProvider: null });
  });

  it('says when a read is still running or failed, rather than "not done"', () => {
    expect(statuses(input({ ledger: pending, subAccounts: pending }))).toEqual([
      'done',
      'checking',
      'checking',
      'todo',
    ]);
    expect(statuses(input({ ledger: failed, subAccounts: failed }))).toEqual(['done', 'unknown', 'unknown', 'todo']);
  });

  it('a funded provider is an inference sub-account with something the provider can still charge', () => {
    const funded = (subs: SubAccount[]) => getStartedSteps(input({ subAccounts: ok(subs) })).steps.funded;
    expect(funded([])).toBe('todo');
    expect(funded([sub(CHAT_A, 0n)])).toBe('todo');
    expect(funded([sub(CHAT_A, OG, { pendingRefund: OG })])).toBe('todo');
    expect(funded([sub(CHAT_A, OG, { kind: 'fine-tuning' })])).toBe('todo');
    expect(funded([sub(CHAT_A, 1n)])).toBe('done');
    expect(funded([sub(IMAGE, OG)])).toBe('done');
  });

  it('asks the first question of a funded chat provider: the last one used or funded, else the most funded', () => {
    const subs = ok([sub(IMAGE, 9n * OG), sub(CHAT_A, OG), sub(CHAT_B, 2n * OG)]);
    expect(getStartedSteps(input({ subAccounts: subs })).chatProvider).toBe(CHAT_B);
    expect(getStartedSteps(input({ subAccounts: subs, lastChat: CHAT_A })).chatProvider).toBe(CHAT_A);
    // Only an image provider funded: the step is done, but there is nobody to chat with.
    const onlyImage = getStartedSteps(input({ subAccounts: ok([sub(IMAGE, OG)]) }));
    expect(onlyImage).toMatchObject({ chatProvider: null, steps: { funded: 'done' } });
  });

  it('is all done with every step, including the first verified answer', () => {
    const most = input({ ledger: ok(ledger(3n * OG)), subAccounts: ok([sub(CHAT_A, OG)]) });
    expect(getStartedSteps(most)).toMatchObject({ done: 3, allDone: false });
    expect(getStartedSteps({ ...most, firstVerifiedAt: Date.now() })).toMatchObject({ done: 4, allDone: true });
  });
});

describe('checkCreateAndFund', () => {
  const wallet = 10n * OG;
  const check = (l: string, t: string, subAccountExists = false) =>
    checkCreateAndFund(l, t, { wallet, subAccountExists });

  it('passes the exact amounts typed, in neuron', () => {
    expect(check('3', '3')).toEqual({ ok: true, ledger: 3n * OG, transfer: 3n * OG });
    expect(check('4.000000000000000001', '1')).toEqual({ ok: true, ledger: 4n * OG + 1n, transfer: OG });
  });

  it('a new ledger needs 3 0G: 3 0G minus 1 neuron is refused', () => {
    const r = check('2.999999999999999999', '1');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.ledger).toMatchObject({ ok: false, error: expect.stringContaining('at least 3 0G') });
      expect(r.transfer.ok).toBe(true);
    }
  });

  it('the transfer comes out of the new ledger: at most the deposit, and 1 0G for a new sub-account', () => {
    const over = check('3', '3.000000000000000001');
    expect(!over.ok && over.transfer).toMatchObject({
      ok: false,
      error: expect.stringContaining('more than the 3 0G'),
    });
    const small = check('3', '0.5');
    expect(!small.ok && small.transfer).toMatchObject({ ok: false, error: expect.stringContaining('at least 1 0G') });
    // Into a sub-account that already exists less is allowed, with a warning.
    const existing = check('3', '0.5', true);
    expect(existing).toEqual({
      ok: true,
      ledger: 3n * OG,
      transfer: OG / 2n,
      warning: expect.stringContaining('Below'),
    });
  });

  it('refuses more than the wallet holds, and text that is not an amount, before the wallet opens', () => {
    expect(check('10.000000000000000001', '1')).toMatchObject({ ok: false, ledger: { ok: false } });
    expect(check('', '')).toMatchObject({ ok: false, ledger: { ok: false }, transfer: { ok: false } });
    expect(check('3e0', '1')).toMatchObject({ ok: false, ledger: { ok: false } });
    expect(check('3', '-1')).toMatchObject({ ok: false, transfer: { ok: false } });
  });
});

describe('the checklist once hidden', () => {
  it('stays hidden per network and wallet, and tells this tab', () => {
    const key = { chainId: 31337, user: '0x00000000000000000000000000000000000000Aa' };
    const heard = vi.fn();
    const off = onGetStartedHidden(heard);
    expect(readGetStartedHidden(key)).toBeNull();
    hideGetStarted(key, 'dismissed');
    off();
    expect(readGetStartedHidden({ ...key, user: key.user.toLowerCase() })).toBe('dismissed');
    expect(readGetStartedHidden({ ...key, chainId: 16661 })).toBeNull();
    expect(readGetStartedHidden({ ...key, user: null })).toBeNull();
    expect(heard).toHaveBeenCalledOnce();
    hideGetStarted({ ...key, user: null }, 'done');
    expect(readGetStartedHidden({ chainId: 31337, user: null })).toBe('done');
  });
});
