import { describe, expect, it, vi } from 'vitest';
import { isQuotaError, requestPersistence, storageEstimate, type StorageLike } from './quota';

describe('isQuotaError', () => {
  it('recognises the DOMException browsers throw and the name older Firefox used', () => {
    expect(isQuotaError(new DOMException('Quota exceeded', 'QuotaExceededError'))).toBe(true);
    expect(
      isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED', message: 'Persistent storage maximum size reached' }),
    ).toBe(true);
  });

  it('recognises the legacy DOMException codes, but not an app error that happens to have code 22', () => {
    const legacy = (code: number) =>
      Object.defineProperties(Object.create(DOMException.prototype) as DOMException, {
        name: { value: 'Error' },
        code: { value: code },
      });
    expect(isQuotaError(legacy(22))).toBe(true);
    expect(isQuotaError(legacy(1014))).toBe(true);
    expect(isQuotaError(Object.assign(new Error('no'), { code: 22 }))).toBe(false);
  });

  it('looks through causes, so a wrapped error with a sentence still counts', () => {
    const wrapped = new Error('Saving failed.', {
      cause: new Error('Transaction aborted.', { cause: new DOMException('', 'QuotaExceededError') }),
    });
    expect(isQuotaError(wrapped)).toBe(true);
  });

  it('is false for other errors and non-errors, and survives a cause cycle', () => {
    expect(isQuotaError(new DOMException('Nope', 'ConstraintError'))).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    for (const value of [null, undefined, 'QuotaExceededError', 22, {}]) expect(isQuotaError(value)).toBe(false);
    const cyclic: { name: string; cause?: unknown } = { name: 'Error' };
    cyclic.cause = cyclic;
    expect(isQuotaError(cyclic)).toBe(false);
  });
});

describe('storageEstimate', () => {
  it('returns usage and quota in bytes', async () => {
    const storage: StorageLike = { estimate: () => Promise.resolve({ usage: 1234, quota: 5_000_000 }) };
    expect(await storageEstimate(storage)).toEqual({ usage: 1234, quota: 5_000_000 });
  });

  it('is null where the browser cannot say, refuses, or says nonsense', async () => {
    expect(await storageEstimate(undefined)).toBeNull();
    expect(await storageEstimate({})).toBeNull();
    expect(await storageEstimate({ estimate: () => Promise.reject(new TypeError('blocked')) })).toBeNull();
    expect(await storageEstimate({ estimate: () => Promise.resolve({ usage: 10 }) })).toBeNull();
    expect(await storageEstimate({ estimate: () => Promise.resolve({ usage: NaN, quota: 10 }) })).toBeNull();
    // The unit tests run in Node, whose navigator (if any) has no storage manager.
    expect(await storageEstimate()).toBeNull();
  });
});

describe('requestPersistence', () => {
  it('does not ask again when storage is already kept', async () => {
    const persist = vi.fn(() => Promise.resolve(false));
    expect(await requestPersistence({ persisted: () => Promise.resolve(true), persist })).toBe('granted');
    expect(persist).not.toHaveBeenCalled();
  });

  it('asks, and says what the browser answered', async () => {
    const persisted = () => Promise.resolve(false);
    expect(await requestPersistence({ persisted, persist: () => Promise.resolve(true) })).toBe('granted');
    expect(await requestPersistence({ persisted, persist: () => Promise.resolve(false) })).toBe('denied');
    expect(await requestPersistence({ persist: () => Promise.resolve(true) })).toBe('granted');
  });

  it('is unsupported without the API or when it throws', async () => {
    expect(await requestPersistence(undefined)).toBe('unsupported');
    expect(await requestPersistence({ persisted: () => Promise.resolve(false) })).toBe('unsupported');
    expect(await requestPersistence({ persist: () => Promise.reject(new DOMException('', 'SecurityError')) })).toBe(
      'unsupported',
    );
    expect(await requestPersistence()).toBe('unsupported');
  });
});
