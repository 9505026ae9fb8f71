// @vitest-environment happy-dom
import { getAddress } from 'viem';
import { describe, expect, it, vi } from 'vitest';
import { noteProvider, noteVerified, onActivity, readActivity } from './activity';

const key = { chainId: 31337, user: '0x00000000000000000000000000000000000000Aa' };
const provider = '0x00000000000000000000000000000000000000bb';

describe('activity', () => {
  it('remembers the last provider per service type and the first verified answer, per wallet and network', () => {
    const heard = vi.fn();
    const off = onActivity(heard);
    noteProvider(key, 'chatbot', provider, 'funded');
    noteVerified(key);
    const first = readActivity(key).firstVerifiedAt;
    noteVerified(key);
    off();
    const a = readActivity({ ...key, user: key.user.toLowerCase() });
    expect(a.last.chatbot).toMatchObject({ how: 'funded', provider: getAddress(provider) });
    expect(a.firstVerifiedAt).toBe(first);
    expect(heard).toHaveBeenCalledTimes(3);
    expect(readActivity({ ...key, chainId: 16661 })).toEqual({ last: {}, firstVerifiedAt: null });
  });

  it('ignores junk in storage', () => {
    localStorage.setItem(
      `og-marketplace:activity:1:${key.user.toLowerCase()}`,
      '{"last":{"chatbot":{"provider":"x"}}}',
    );
    expect(readActivity({ ...key, chainId: 1 })).toEqual({ last: {}, firstVerifiedAt: null });
    localStorage.setItem(`og-marketplace:activity:2:${key.user.toLowerCase()}`, 'not json');
    expect(readActivity({ ...key, chainId: 2 })).toEqual({ last: {}, firstVerifiedAt: null });
  });
});
