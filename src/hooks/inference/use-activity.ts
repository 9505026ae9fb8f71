import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useAccount } from 'wagmi';
import { noteProvider, noteVerified, onActivity, readActivity, type Activity } from '../../lib/inference/activity';
import { useNetwork } from '../network/use-network';

/**
 * What this browser remembers of the connected wallet's providers on the shown network (last used
 * or funded per service type, first verified answer), live across the tab; null without a wallet.
 */
export function useActivity() {
  const { network } = useNetwork();
  const { address } = useAccount();
  const chainId = network.chain.id;
  const key = useMemo(() => (address ? { chainId, user: address } : null), [chainId, address]);
  // A string snapshot: useSyncExternalStore compares by identity and readActivity builds a new object.
  const raw = useSyncExternalStore(onActivity, () => (key ? JSON.stringify(readActivity(key)) : 'null'));
  const activity = useMemo(() => JSON.parse(raw) as Activity | null, [raw]);
  return {
    activity,
    noteUsed: useCallback(
      (serviceType: string, provider: `0x${string}`) => key && noteProvider(key, serviceType, provider, 'used'),
      [key],
    ),
    noteFunded: useCallback(
      (serviceType: string, provider: `0x${string}`) => key && noteProvider(key, serviceType, provider, 'funded'),
      [key],
    ),
    noteVerified: useCallback(() => key && noteVerified(key), [key]),
  };
}
