import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { queryKeys } from './query-keys';

const USER = '0x00000000000000000000000000000000000000aa';

describe('queryKeys', () => {
  it('builds keys as [root, params]', () => {
    expect(queryKeys.ledger({ chainId: 1, user: USER })).toEqual(['ledger', { chainId: 1, user: USER }]);
    expect(queryKeys.chainTime({ chainId: 1 })).toEqual(['sub-accounts', 'chain-time', { chainId: 1 }]);
    expect(queryKeys.conversations.all).toEqual(['conversations']);
  });

  it('refreshes the chain clock with the sub-accounts, and nothing else under another prefix', async () => {
    const client = new QueryClient();
    const keys = [
      queryKeys.subAccounts({ chainId: 1, user: USER }),
      queryKeys.chainTime({ chainId: 1 }),
      queryKeys.ledger({ chainId: 1, user: USER }),
    ];
    for (const key of keys) client.setQueryData(key, 1);
    await client.invalidateQueries({ queryKey: queryKeys.subAccounts.all });
    expect(keys.map((key) => client.getQueryState(key)?.isInvalidated)).toEqual([true, true, false]);
  });

  it('gives every family its own root', () => {
    const roots = Object.values(queryKeys).map((f) => f.all.join('/'));
    expect(new Set(roots).size).toBe(roots.length);
  });
});
