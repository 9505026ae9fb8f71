import { useEffect, useRef } from 'react';
import { useAccount } from 'wagmi';
import { useNetwork } from '../network/use-network';

/** When the user switches networks inside the wallet, the app follows if it offers that network. */
export function useFollowWalletChain(): void {
  const { chainId, isConnected } = useAccount();
  const { networks, setNetwork } = useNetwork();
  const previous = useRef<number | undefined>(undefined);
  useEffect(() => {
    const before = previous.current;
    previous.current = isConnected ? chainId : undefined;
    // Only a change while connected counts: at connect time the banner asks instead.
    if (before === undefined || chainId === undefined || before === chainId) return;
    const next = networks.find((n) => n.chain.id === chainId);
    if (next) setNetwork(next);
  }, [chainId, isConnected, networks, setNetwork]);
}
