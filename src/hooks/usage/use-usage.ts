import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Address, Client, Hash } from 'viem';
import { getTransaction } from 'viem/actions';
import { useClient } from 'wagmi';
import type { HistoryEntry } from '../../lib/chain/history';
import type { ChatStore } from '../../lib/chat/store';
import { openChatStore } from '../../lib/chat/store';
import { openMediaStore } from '../../lib/media/store';
import type { MediaStore } from '../../lib/media/types';
import { queryKeys } from '../../lib/query-keys';
import { loadUsageRecords, settlementSenders } from '../../lib/usage/load';
import { settledSpends, unattributed } from '../../lib/usage/spend';
import { summarizeUsage } from '../../lib/usage/summary';
import { chainTimeQueryOptions } from '../account/use-chain-now';
import { useHistory } from '../account/use-history';
import { useNetwork } from '../network/use-network';

/** The requests this browser recorded for `owner` on `chainId` (chat, pictures, transcripts). */
export function usageRecordsQueryOptions(
  chainId: number,
  owner: string | undefined,
  chat: ChatStore,
  media: MediaStore,
) {
  return queryOptions({
    queryKey: queryKeys.usage({ chainId, owner: owner?.toLowerCase() ?? '' }),
    queryFn: () => loadUsageRecords(chat, media, chainId, owner!),
    enabled: owner !== undefined,
    // Local reads are cheap, and the studios save without telling this page: re-read on every visit.
    staleTime: 2_000,
  });
}

/** Who sent each settlement whose events name no provider; a mined transaction never changes. */
export function settlementSendersQueryOptions(chainId: number, hashes: readonly Hash[], client: Client | undefined) {
  return queryOptions({
    queryKey: queryKeys.settlementSenders({ chainId, hashes: hashes.join(',') }),
    queryFn: () => settlementSenders(hashes, async (hash) => (await getTransaction(client!, { hash })).from),
    enabled: client !== undefined && hashes.length > 0,
    staleTime: Infinity,
  });
}

const NO_ENTRIES: HistoryEntry[] = [];

/**
 * The user's figures per provider on the network the app shows, from this browser's stores and the
 * chain's fee settlements; read only here, nothing is sent anywhere but the chain's own RPC.
 */
export function useUsage(user: Address | undefined) {
  const { network } = useNetwork();
  const chainId = network.chain.id;
  const client = useClient({ chainId });
  const stores = useMemo(() => ({ chat: openChatStore(), media: openMediaStore() }), []);
  const records = useQuery(usageRecordsQueryOptions(chainId, user, stores.chat, stores.media));
  const history = useHistory(user);
  const entries = history.data ?? NO_ENTRIES;
  const missing = useMemo(() => unattributed(entries), [entries]);
  const senders = useQuery(settlementSendersQueryOptions(chainId, missing, client));
  const senderMap = senders.data;
  const recordsAt = records.dataUpdatedAt;
  const historyAt = history.dataUpdatedAt;
  // Fees are dated by block time, which can run ahead of this computer's clock (the devnet jumps it).
  const offsetMs = (useQuery(chainTimeQueryOptions(chainId, client)).data ?? 0) * 1000;
  const usage = useMemo(() => {
    if (!records.data) return undefined;
    const spends = settledSpends(entries, senderMap ?? new Map());
    // "Today" is when the figures were read, on the chain's clock, so a re-render never moves the chart's days.
    return summarizeUsage(records.data, spends, Math.max(recordsAt, historyAt) + offsetMs);
  }, [records.data, entries, senderMap, recordsAt, historyAt, offsetMs]);
  return {
    usage,
    /** The chain's settlements are still being read (the local figures may already show). */
    spendPending: history.isPending || (missing.length > 0 && senders.isPending),
    recordsError: records.error,
    spendError: history.error ?? senders.error,
    retry: () => {
      void records.refetch();
      void history.refetch();
    },
  };
}
