import { createContext, useContext } from 'react';
import type { Network } from '../../lib/chain/networks';

export interface NetworkState {
  /** The network the app shows (reads go to its RPC, with or without a wallet). */
  network: Network;
  networks: readonly Network[];
  /** Changes the shown network only; asking the wallet to follow is the selector's job. */
  setNetwork: (network: Network) => void;
}

export const NetworkContext = createContext<NetworkState | null>(null);

/** The network the app currently shows. */
export function useNetwork(): NetworkState {
  const state = useContext(NetworkContext);
  if (!state) throw new Error('useNetwork must be used inside <NetworkProvider>');
  return state;
}
