import { useMemo, useState, type ReactNode } from 'react';
import { NETWORK_STORAGE_KEY, initialNetwork } from '../../lib/chain/network-choice';
import type { Network } from '../../lib/chain/networks';
import { NetworkContext } from '../../hooks/network/use-network';

function remembered(): string | null {
  try {
    return localStorage.getItem(NETWORK_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Holds the shown network and remembers the user's choice across visits. */
export function NetworkProvider({ networks, children }: { networks: readonly Network[]; children: ReactNode }) {
  const [network, setShown] = useState(() => initialNetwork(networks, remembered()));
  const value = useMemo(
    () => ({
      network,
      networks,
      setNetwork: (next: Network) => {
        setShown(next);
        try {
          localStorage.setItem(NETWORK_STORAGE_KEY, next.kind);
        } catch {
          // private mode: the choice lasts for this visit only
        }
      },
    }),
    [network, networks],
  );
  return <NetworkContext.Provider value={value}>{children}</NetworkContext.Provider>;
}
