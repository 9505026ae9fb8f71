import { queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Client } from 'viem';
import { getBlock } from 'viem/actions';
import { useClient } from 'wagmi';
import { queryKeys } from '../../lib/query-keys';
import { useNetwork } from '../network/use-network';

/** How far the chain's clock is ahead of this computer's, in seconds, from the latest block. */
export function chainTimeQueryOptions(chainId: number, client: Client | undefined) {
  return queryOptions({
    queryKey: queryKeys.chainTime({ chainId }),
    queryFn: async () => {
      const block = await getBlock(client!, { blockTag: 'latest' });
      return Number(block.timestamp) - Math.floor(Date.now() / 1000);
    },
    enabled: client !== undefined,
    staleTime: 15_000,
  });
}

/**
 * The chain's clock in unix seconds, ticking every second. Lock times are judged by block time,
 * which can differ from this computer's clock (and jumps on the devnet), so the offset between the
 * two is read from the latest block and refreshed with the account data.
 */
export function useChainNow(): bigint | null {
  const { network } = useNetwork();
  const client = useClient({ chainId: network.chain.id });
  const offset = useQuery(chainTimeQueryOptions(network.chain.id, client));
  const [now, setNow] = useState(() => Math.floor(Date.now() / 1000));
  useEffect(() => {
    const t = setInterval(() => setNow(Math.floor(Date.now() / 1000)), 1000);
    return () => clearInterval(t);
  }, []);
  return offset.data === undefined ? null : BigInt(now + offset.data);
}

/** "1 h 02 min 05 s" */
export function formatDuration(seconds: bigint): string {
  const s = Number(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  const pad = (n: number) => n.toString().padStart(2, '0');
  return h > 0 ? `${h} h ${pad(m)} min ${pad(r)} s` : m > 0 ? `${m} min ${pad(r)} s` : `${r} s`;
}
