import { describe, expect, it } from 'vitest';
import { NEURON_PER_OG } from '../units';
import { checkDeposit, checkFirstDeposit, checkRefund, checkTransfer, transferSplit } from './rules';

const OG = NEURON_PER_OG;
const err = (r: { ok: boolean; error?: string }) => (r.ok ? null : r.error);

describe('amount rules', () => {
  it('rejects empty, zero, negative, exponent and too many decimals, each in words', () => {
    expect(err(checkDeposit('', 10n * OG))).toMatch(/Enter an amount/);
    expect(err(checkDeposit('0', 10n * OG))).toMatch(/above 0/);
    expect(err(checkDeposit('0.000', 10n * OG))).toMatch(/above 0/);
    expect(err(checkDeposit('-1', 10n * OG))).toMatch(/negative/);
    expect(err(checkDeposit('1e3', 10n * OG))).toMatch(/exponent/);
    expect(err(checkDeposit('0.0000000000000000001', 10n * OG))).toMatch(/18 decimal/);
  });

  it('parses exactly, with no float rounding', () => {
    expect(checkDeposit('0.1', 10n * OG)).toEqual({ ok: true, value: OG / 10n });
    expect(checkDeposit('3.000000000000000001', 10n * OG)).toEqual({ ok: true, value: 3n * OG + 1n });
  });

  it('refuses more than the source holds', () => {
    expect(err(checkDeposit('10.5', 10n * OG))).toMatch(/more than the 10 0G in your wallet/);
  });

  it('needs 3 0G for a new ledger', () => {
    expect(err(checkFirstDeposit('2.99', 10n * OG))).toMatch(/at least 3 0G/);
    expect(checkFirstDeposit('3', 10n * OG).ok).toBe(true);
  });

  it('lets a refund leave 0 or at least 3 0G', () => {
    expect(checkRefund('5', 5n * OG).ok).toBe(true);
    expect(checkRefund('2', 5n * OG).ok).toBe(true);
    expect(err(checkRefund('3', 5n * OG))).toMatch(/leave 2 0G.*Withdraw 2 0G at most, or all 5 0G/);
  });

  it('needs 1 0G for a new sub-account and only warns below it for an existing one', () => {
    expect(err(checkTransfer('0.5', { available: 5n * OG, pendingRefund: 0n, exists: false }))).toMatch(
      /at least 1 0G/,
    );
    const existing = checkTransfer('0.5', { available: 5n * OG, pendingRefund: 0n, exists: true });
    expect(existing).toMatchObject({ ok: true, value: OG / 2n, warning: expect.stringMatching(/Below 1 0G/) });
    expect(checkTransfer('1', { available: 5n * OG, pendingRefund: 0n, exists: false })).toEqual({
      ok: true,
      value: OG,
    });
  });

  it('counts a pending refund as a transfer source, cancelled first', () => {
    expect(checkTransfer('6', { available: 5n * OG, pendingRefund: 2n * OG, exists: true }).ok).toBe(true);
    expect(err(checkTransfer('8', { available: 5n * OG, pendingRefund: 2n * OG, exists: true }))).toMatch(/7 0G/);
    expect(transferSplit(3n * OG, 2n * OG)).toEqual({ fromRefund: 2n * OG, fromLedger: OG });
    expect(transferSplit(OG, 2n * OG)).toEqual({ fromRefund: OG, fromLedger: 0n });
  });
});
