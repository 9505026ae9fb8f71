import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { getBlock } from 'viem/actions';
import { useClient } from 'wagmi';
import { useNetwork } from '../network/use-network';

/**
 * The chain's clock in unix seconds, ticking every second. Lock times are judged by block time,
 * which can differ from this computer's clock (and jumps on the devnet), so the offset between the
 * two is read from the latest block and refreshed with the account data.
 */
export function useChainNow(): bigint | null {
  const { network } = useNetwork();
  const client = useClient({ chainId: network.chain.id });
  const offset = useQuery({
    queryKey: ['sub-accounts', 'chain-time', { chainId: network.chain.id }] as const,
    queryFn: async () => {
      const block = await getBlock(client!, { blockTag: 'latest' });
      return Number(block.timestamp) - Math.floor(Date.now() / 1000);
    },
    enabled: client !== undefined,
    staleTime: 15_000,
  });
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
