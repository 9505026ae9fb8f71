import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { getAddress, isAddress, type Address, type Client } from 'viem';
import { useAccount, useClient } from 'wagmi';
import {
  idsInUse,
  keyState,
  nextFreeTokenId,
  revokedCount,
  type KeyRecord,
  type KeyState,
} from '../../lib/api-keys/key-state';
import { keysIn, loadKeys, providersWithKeys, subscribeKeys } from '../../lib/api-keys/key-store';
import { getTokenAccount } from '../../lib/api-keys/token-account';
import type { Network } from '../../lib/chain/networks';
import { queryKeys } from '../../lib/query-keys';
import { useNetwork } from '../network/use-network';

/** The user's generation and revoked bitmap with a provider; refetched after every transaction (sub-accounts prefix). */
export function tokenAccountQueryOptions(
  network: Network,
  client: Client | undefined,
  user: Address | undefined,
  provider: Address,
) {
  return queryOptions({
    queryKey: queryKeys.tokenAccount({ chainId: network.chain.id, user: user!, provider }),
    queryFn: () => getTokenAccount(client!, network.contracts.inference, user!, provider),
    enabled: client !== undefined && user !== undefined,
    staleTime: 15_000,
  });
}

/** Every key record this browser holds, re-read when another tab or this one changes them. */
export function useStoredKeys(): KeyRecord[] {
  return useSyncExternalStore(subscribeKeys, loadKeys, () => []);
}

/** Unix ms, ticking every `everyMs`, so an expiry passes on screen without a reload. */
export function useNowMs(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

/** One key as the list shows it. */
export interface KeyRow {
  record: KeyRecord;
  state: KeyState;
}

/**
 * The keys this browser made for `provider` with the connected wallet, each judged by the chain
 * (generation, bitmap) and the clock; the ids in use and the next free one.
 */
export function useProviderKeys(provider: Address) {
  const { network } = useNetwork();
  const { address } = useAccount();
  const client = useClient({ chainId: network.chain.id });
  const all = useStoredKeys();
  const now = useNowMs();
  const account = useQuery(tokenAccountQueryOptions(network, client, address, provider));
  const records = address ? keysIn(all, { chainId: network.chain.id, owner: address, provider }) : [];
  const chain = account.data ?? null;
  const rows: KeyRow[] = chain ? records.map((record) => ({ record, state: keyState(record, chain, now) })) : [];
  return {
    address,
    account,
    records,
    rows,
    inUse: chain ? idsInUse(records, chain) : [],
    revoked: chain ? revokedCount(chain) : 0,
    nextId: chain ? nextFreeTokenId(records, chain) : null,
  };
}

/** Per provider with keys from this browser (connected wallet, shown network): how many are in each state. */
export function useKeysByProvider() {
  const { network } = useNetwork();
  const { address } = useAccount();
  const client = useClient({ chainId: network.chain.id });
  const all = useStoredKeys();
  const now = useNowMs();
  // Stored text is anyone's to edit: only well-formed addresses reach the chain reads.
  const providers = address
    ? providersWithKeys(all, network.chain.id, address)
        .filter((p) => isAddress(p, { strict: false }))
        .map((p) => getAddress(p))
    : [];
  const accounts = useQueries({
    queries: providers.map((p) => tokenAccountQueryOptions(network, client, address, p)),
  });
  return providers.map((provider, i) => {
    const q = accounts[i];
    const records = keysIn(all, { chainId: network.chain.id, owner: address ?? '', provider });
    const chain = q?.data ?? null;
    const counts: Record<KeyState, number> = { active: 0, expired: 0, revoked: 0, void: 0 };
    if (chain) for (const r of records) counts[keyState(r, chain, now)]++;
    return { provider, total: records.length, counts, loading: q?.isPending ?? true, error: q?.error ?? null };
  });
}
