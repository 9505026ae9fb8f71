import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Address, Client } from 'viem';
import { useClient } from 'wagmi';
import { rememberedTxs } from '../../lib/account/sent-txs';
import { getHistory } from '../../lib/chain/history';
import type { Network } from '../../lib/chain/networks';
import { queryKeys } from '../../lib/query-keys';
import { useNetwork } from '../network/use-network';

/** The user's transaction history on `network`, read from the chain; remembered hashes are re-read on every fetch. */
export function historyQueryOptions(network: Network, user: Address | undefined, client: Client | undefined) {
  return queryOptions({
    queryKey: queryKeys.history({ chainId: network.chain.id, user }),
    queryFn: () =>
      getHistory(
        client!,
        network.contracts,
        user!,
        rememberedTxs(network.chain.id, user!),
        // The devnet is short and local: every block since genesis.
        network.kind === 'devnet' ? { fromBlock: 0n } : {},
      ),
    enabled: client !== undefined && user !== undefined,
    staleTime: 15_000,
  });
}

/** Transaction history of `user` on the network the app shows, newest first. */
export function useHistory(user: Address | undefined) {
  const { network } = useNetwork();
  const client = useClient({ chainId: network.chain.id });
  return useQuery(historyQueryOptions(network, user, client));
}
