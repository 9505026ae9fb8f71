import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Address, Client } from 'viem';
import { useClient } from 'wagmi';
import { getLedgerInfo, getLockTimes, getServiceNames, getSubAccounts } from '../../lib/chain/ledger-reads';
import type { Network } from '../../lib/chain/networks';
import { queryKeys } from '../../lib/query-keys';
import { useNetwork } from '../network/use-network';

/** The user's ledger (null when none). Refetched after every confirmed transaction. */
export function ledgerQueryOptions(network: Network, user: Address | undefined, client: Client | undefined) {
  return queryOptions({
    queryKey: queryKeys.ledger({ chainId: network.chain.id, user }),
    queryFn: () => getLedgerInfo(client!, network.contracts.ledger, user!),
    enabled: client !== undefined && user !== undefined,
    staleTime: 15_000,
  });
}

/** Service names and lock times of the serving contracts: fixed per network, read once. */
export function contractFactsQueryOptions(network: Network, client: Client | undefined) {
  return queryOptions({
    queryKey: queryKeys.contractFacts({ chainId: network.chain.id }),
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
    queryKey: queryKeys.subAccounts({ chainId: network.chain.id, user }),
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

/** Prefixes of everything a confirmed transaction may change (the sub-accounts' one includes the chain clock). */
export const AFTER_TX_PREFIXES = [
  queryKeys.ledger.all,
  queryKeys.subAccounts.all,
  queryKeys.history.all,
  queryKeys.walletBalance.all,
] as const;

/** Prefixes of the account reads, for a "Retry" or "Refresh" after a failed or stale read. */
export const ACCOUNT_READ_PREFIXES = [
  queryKeys.ledger.all,
  queryKeys.subAccounts.all,
  queryKeys.contractFacts.all,
] as const;

/** Invalidates every query under any of `prefixes`; resolves once the active ones have refetched. */
export async function invalidatePrefixes(queryClient: QueryClient, prefixes: readonly (readonly unknown[])[]) {
  await Promise.all(prefixes.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** Re-reads everything a transaction (or a provider saying the money ran out) may have changed. */
export function useRefreshAccount() {
  const queryClient = useQueryClient();
  return useCallback(() => invalidatePrefixes(queryClient, AFTER_TX_PREFIXES), [queryClient]);
}

/** Re-reads the ledger, sub-accounts and contract facts (the account page's Retry and Refresh). */
export function useRetryAccountReads() {
  const queryClient = useQueryClient();
  return useCallback(() => invalidatePrefixes(queryClient, ACCOUNT_READ_PREFIXES), [queryClient]);
}
