import { describe, expect, it } from 'vitest';
import { toAppError } from './errors';

describe('toAppError', () => {
  it('treats a wallet rejection as the user choice', () => {
    expect(toAppError({ code: 4001, message: 'User rejected the request.' }).kind).toBe('user-rejected');
    expect(toAppError({ code: 'ACTION_REJECTED', message: 'user rejected action' }).kind).toBe('user-rejected');
    const viem = Object.assign(new Error('outer'), { cause: { name: 'UserRejectedRequestError', message: 'x' } });
    expect(toAppError(viem).message).toMatch(/Dismissed/);
  });
  it('recognises an unreachable RPC', () => {
    const e = Object.assign(new Error('HTTP request failed.'), {
      name: 'HttpRequestError',
      cause: new TypeError('Failed to fetch'),
    });
    expect(toAppError(e).kind).toBe('network');
  });
  it('keeps the raw text for details only', () => {
    const e = toAppError(new Error('weird internal thing 0xdeadbeef'));
    expect(e.kind).toBe('unknown');
    expect(e.message).not.toMatch(/deadbeef/);
    expect(e.details).toMatch(/deadbeef/);
  });
  it('recognises a wallet without gas money, in geth and Hardhat words', () => {
    expect(toAppError({ code: -32000, message: 'insufficient funds for gas * price + value' }).kind).toBe(
      'insufficient-funds',
    );
    const hardhat = {
      code: -32000,
      message: "Sender doesn't have enough funds to send tx. The max upfront cost is: 5",
    };
    expect(toAppError(Object.assign(new Error('outer'), { cause: hardhat })).kind).toBe('insufficient-funds');
  });
  it('reads a revert reason', () => {
    expect(toAppError({ message: 'execution reverted', reason: 'LedgerExists' }).message).toMatch(/LedgerExists/);
  });
});

describe('toAppError for contract errors', () => {
  it('turns a custom error into a sentence with 0G amounts', () => {
    const e = {
      message: 'The contract function "refund" reverted.',
      cause: { data: { errorName: 'MinimumDepositRequired', args: [10n ** 18n, 3n * 10n ** 18n] } },
    };
    expect(toAppError(e)).toMatchObject({
      kind: 'reverted',
      message: 'The contract refused: it needs at least 3 0G here (got 1 0G).',
    });
  });
  it('names an unknown custom error', () => {
    expect(toAppError({ cause: { data: { errorName: 'Weird', args: [] } } }).message).toMatch(/\(Weird\)/);
  });
});
