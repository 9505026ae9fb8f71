import { describe, expect, it } from 'vitest';
import { ProviderHttpError, toAppError } from './errors';

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

describe('toAppError for a fine-tuning provider', () => {
  it("headlines the provider's own refusal and keeps the raw text for details", () => {
    const e = new ProviderHttpError('refused', 'The provider refused: You already have an unfinished task (x).', {
      status: 409,
      code: 'task_active',
      details: 'HTTP 409: {"error":"You already have an unfinished task (x)"}',
    });
    expect(toAppError(e)).toEqual({
      kind: 'provider-http',
      message: 'The provider refused: You already have an unfinished task (x).',
      details: 'HTTP 409: {"error":"You already have an unfinished task (x)"}',
    });
    // Found when wrapped too, before any other rule reads its words.
    const wrapped = Object.assign(new Error('Too many requests, timed out'), { cause: e });
    expect(toAppError(wrapped).kind).toBe('provider-http');
  });

  it('maps unreachable to network, a cut download to its own sentence, 429 to rate-limited', () => {
    expect(toAppError(new ProviderHttpError('unreachable', 'x'))).toMatchObject({
      kind: 'network',
      message: 'The provider could not be reached. Check the connection and retry.',
    });
    const cut = new ProviderHttpError('unreachable', 'The download stopped after 1.0 MB. Download again.', {
      code: 'cut',
    });
    expect(toAppError(cut)).toMatchObject({ kind: 'network', message: cut.message });
    expect(toAppError(new ProviderHttpError('refused', 'slow down', { status: 429 })).kind).toBe('rate-limited');
  });

  it('names a malformed answer and a cancellation neutrally', () => {
    const bad = new ProviderHttpError('malformed', 'The provider sent a task that is not well formed (fee).');
    expect(toAppError(bad)).toMatchObject({ kind: 'provider-http', message: bad.message });
    const stopped = toAppError(new ProviderHttpError('cancelled', 'x'));
    expect(stopped).toMatchObject({
      kind: 'provider-http',
      message: 'Stopped: the request to the provider was cancelled.',
    });
  });
});
