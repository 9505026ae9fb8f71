import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { MediaKind, MediaStore } from '../../lib/media/types';
import { queryKeys } from '../../lib/query-keys';
import { requestPersistence, storageEstimate } from '../../lib/storage/quota';

/** Saved items of one kind for a wallet on a chain, newest first; metadata only (Blobs load per tile). */
export function useMediaHistory(
  store: MediaStore,
  {
    chainId,
    owner,
    kind,
    query,
    limit,
  }: { chainId: number; owner: string | undefined; kind: MediaKind; query: string; limit: number },
) {
  const client = useQueryClient();
  const list = useQuery({
    queryKey: queryKeys.mediaHistory({ chainId, owner: owner ?? '', kind, query, limit }),
    queryFn: () => {
      // Where the gallery starts opening (the bench times its first thumbnail from here).
      performance.mark(`media-history:${kind}`);
      return store.list(chainId, owner!, { kind, query, limit: limit + 1 });
    },
    enabled: owner !== undefined,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
  const estimate = useQuery({
    queryKey: queryKeys.storageEstimate({}),
    queryFn: async () => ({
      estimate: await storageEstimate(),
      persisted: (await navigator.storage?.persisted?.()) ?? false,
    }),
    staleTime: 30_000,
  });
  /** Re-reads the list and the storage figures after a save or a delete. */
  const refresh = useCallback(() => {
    void client.invalidateQueries({ queryKey: queryKeys.mediaHistory.all });
    void client.invalidateQueries({ queryKey: queryKeys.storageEstimate.all });
  }, [client]);
  const persist = useCallback(async () => {
    const answer = await requestPersistence();
    void client.invalidateQueries({ queryKey: queryKeys.storageEstimate.all });
    return answer;
  }, [client]);
  const items = list.data ?? [];
  return {
    items: items.slice(0, limit),
    more: items.length > limit,
    loading: list.isPending && owner !== undefined,
    error: list.error,
    storage: estimate.data,
    refresh,
    persist,
  };
}
