import { useQuery } from '@tanstack/react-query';
import { hexToBigInt, type Address } from 'viem';
import { useClient } from 'wagmi';
import { queryKeys } from '../../lib/query-keys';
import { useNetwork } from '../network/use-network';

/**
 * A wallet's native balance (neuron) on the network the app shows, read with one `eth_getBalance` over the
 * network's public RPC. wagmi's useBalance would bring viem's multicall path into every page that shows a balance.
 */
export function useWalletBalance(address: Address | undefined) {
  const { network } = useNetwork();
  const chainId = network.chain.id;
  const client = useClient({ chainId });
  return useQuery({
    queryKey: queryKeys.walletBalance({ chainId, address }),
    queryFn: async () => hexToBigInt(await client!.request({ method: 'eth_getBalance', params: [address!, 'latest'] })),
    enabled: client !== undefined && address !== undefined,
    staleTime: 15_000,
  });
}
