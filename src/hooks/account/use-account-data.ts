import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Address, Client } from 'viem';
import { useClient } from 'wagmi';
import { getLedgerInfo, getLockTimes, getServiceNames, getSubAccounts } from '../../lib/chain/ledger-reads';
import type { Network } from '../../lib/chain/networks';
import { useNetwork } from '../network/use-network';

/** The user's ledger (null when none). Refetched after every confirmed transaction. */
export function ledgerQueryOptions(network: Network, user: Address | undefined, client: Client | undefined) {
  return queryOptions({
    queryKey: ['ledger', { chainId: network.chain.id, user }] as const,
    queryFn: () => getLedgerInfo(client!, network.contracts.ledger, user!),
    enabled: client !== undefined && user !== undefined,
    staleTime: 15_000,
  });
}

/** Service names and lock times of the serving contracts: fixed per network, read once. */
export function contractFactsQueryOptions(network: Network, client: Client | undefined) {
  return queryOptions({
    queryKey: ['contract-facts', { chainId: network.chain.id }] as const,
    queryFn: async () => {
      const [names, lockTimes] = await Promise.all([
        getServiceNames(client!, network.contracts),
        getLockTimes(client!, network.contracts),
      ]);
      return { names, lockTimes };
    },
    enabled: client !== undefined,
    staleTime: Infinity,
  });
}

/** Every sub-account of the user with pending refunds and when each unlocks. */
export function subAccountsQueryOptions(
  network: Network,
  user: Address | undefined,
  client: Client | undefined,
  lockTimes: Awaited<ReturnType<typeof getLockTimes>> | undefined,
) {
  return queryOptions({
    queryKey: ['sub-accounts', { chainId: network.chain.id, user }] as const,
    queryFn: () => getSubAccounts(client!, network.contracts, user!, lockTimes!),
    enabled: client !== undefined && user !== undefined && lockTimes !== undefined,
    staleTime: 15_000,
  });
}

/** Ledger, sub-accounts and contract facts for `user` on the shown network. */
export function useAccountData(user: Address | undefined) {
  const { network } = useNetwork();
  const client = useClient({ chainId: network.chain.id });
  const facts = useQuery(contractFactsQueryOptions(network, client));
  const ledger = useQuery(ledgerQueryOptions(network, user, client));
  const subAccounts = useQuery(subAccountsQueryOptions(network, user, client, facts.data?.lockTimes));
  return { facts, ledger, subAccounts };
}

/** Query keys whose data a confirmed transaction changes. */
export const ACCOUNT_QUERY_ROOTS = ['ledger', 'sub-accounts', 'history', 'balance', 'getBalance'] as const;

/** Re-reads everything a transaction (or a provider saying the money ran out) may have changed. */
export function useRefreshAccount() {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      queryClient.invalidateQueries({
        predicate: (q) => ACCOUNT_QUERY_ROOTS.includes(q.queryKey[0] as (typeof ACCOUNT_QUERY_ROOTS)[number]),
      }),
    [queryClient],
  );
}
