import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Address, Client } from 'viem';
import { useClient } from 'wagmi';
import { getService, listFineTuningServices, listServices } from '../../lib/chain/services';
import { queryKeys } from '../../lib/query-keys';
import { useNetwork } from '../network/use-network';

/** Every inference service of a network, read over its public RPC (no wallet). */
export function servicesQueryOptions(chainId: number, inference: Address, client: Client | undefined) {
  return queryOptions({
    queryKey: queryKeys.services({ chainId, inference }),
    queryFn: () => listServices(client!, inference),
    enabled: client !== undefined,
    staleTime: 60_000,
  });
}

/** One provider's service; `null` when the address has no service on this network. */
export function serviceQueryOptions(
  chainId: number,
  inference: Address,
  provider: Address | null,
  client: Client | undefined,
) {
  return queryOptions({
    queryKey: queryKeys.service({ chainId, inference, provider }),
    queryFn: () => getService(client!, inference, provider!),
    enabled: client !== undefined && provider !== null,
    staleTime: 60_000,
  });
}

/** The services of the network the app shows. */
export function useServices() {
  const { network } = useNetwork();
  const client = useClient({ chainId: network.chain.id });
  return useQuery(servicesQueryOptions(network.chain.id, network.contracts.inference, client));
}

/** One provider's service on the network the app shows. */
export function useService(provider: Address | null) {
  const { network } = useNetwork();
  const client = useClient({ chainId: network.chain.id });
  return useQuery(serviceQueryOptions(network.chain.id, network.contracts.inference, provider, client));
}

/** Every fine-tuning provider of a network, read over its public RPC. */
export function fineTuningServicesQueryOptions(chainId: number, fineTuning: Address, client: Client | undefined) {
  return queryOptions({
    queryKey: queryKeys.fineTuningServices({ chainId }),
    queryFn: () => listFineTuningServices(client!, fineTuning),
    enabled: client !== undefined,
    staleTime: 60_000,
  });
}

/** Fine-tuning providers of the network the app shows. */
export function useFineTuningServices() {
  const { network } = useNetwork();
  const client = useClient({ chainId: network.chain.id });
  return useQuery(fineTuningServicesQueryOptions(network.chain.id, network.contracts.fineTuning, client));
}
