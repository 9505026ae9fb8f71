import { useQuery } from '@tanstack/react-query';
import type { Address } from 'viem';
import { useAccount } from 'wagmi';
import type { FineTuningService } from '../../lib/chain/services';
import { listModels, listTasks, modelUsage, pendingCount } from '../../lib/fine-tuning/provider-api';
import { usagePackage } from '../../lib/fine-tuning/usage-zip';
import { queryKeys } from '../../lib/query-keys';
import { useNetwork } from '../network/use-network';
import { endpointOf } from './use-fine-tuning-chain';

type Service = Pick<FineTuningService, 'provider' | 'url'>;

function useKey(service: Service | undefined, what: 'models' | 'usage' | 'pending' | 'tasks', user?: Address) {
  const { network } = useNetwork();
  const provider = service?.provider ?? ('0x' as Address);
  return {
    network,
    queryKey: queryKeys.fineTuningProvider({ chainId: network.chain.id, provider, what, ...(user ? { user } : {}) }),
  };
}

/** The base models the provider trains (`GET /v1/model`), with their descriptions. */
export function useFineTuningModels(service: Service | undefined) {
  const { network, queryKey } = useKey(service, 'models');
  return useQuery({
    queryKey,
    queryFn: ({ signal }) => listModels(endpointOf(network, service!), signal),
    enabled: !!service,
    staleTime: 5 * 60_000,
    retry: 1,
  });
}

/** A model's usage package (README, example dataset, example parameters) and its raw zip for download. */
export function useUsagePackage(service: Service | undefined, model: string | undefined) {
  const { network, queryKey } = useKey(service, 'usage');
  return useQuery({
    queryKey: [...queryKey, model],
    queryFn: async ({ signal }) => {
      const zip = await modelUsage(endpointOf(network, service!), model!, signal);
      return { zip, usage: await usagePackage(zip) };
    },
    enabled: !!service && !!model,
    staleTime: 10 * 60_000,
    retry: 1,
  });
}

/** How many tasks wait in the provider's queue (`GET /v1/task/pending`), re-read while shown. */
export function usePendingTasks(service: Service | undefined, enabled = true) {
  const { network, queryKey } = useKey(service, 'pending');
  return useQuery({
    queryKey,
    queryFn: ({ signal }) => pendingCount(endpointOf(network, service!), signal),
    enabled: !!service && enabled,
    staleTime: 5_000,
    refetchInterval: enabled ? 15_000 : false,
    retry: 1,
  });
}

/** Every task of the connected user with this provider, newest first. */
export function useFineTuningTasks(service: Service | undefined) {
  const { address } = useAccount();
  const { network, queryKey } = useKey(service, 'tasks', address);
  return useQuery({
    queryKey,
    queryFn: ({ signal }) => listTasks(endpointOf(network, service!), address!, signal),
    enabled: !!service && !!address,
    staleTime: 5_000,
    refetchInterval: 20_000,
    retry: 1,
  });
}
