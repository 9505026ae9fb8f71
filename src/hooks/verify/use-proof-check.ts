import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Network } from '../../lib/chain/networks';
import { checkProof, readChainView, type ChainView, type ProofReport } from '../../lib/proof/check';
import type { LoadedProof } from './use-proof-input';

/** A proof checked again here: the chain as read now, and the report. */
export interface ProofCheck {
  chain: ChainView;
  report: ProofReport;
}

/** Checks one loaded proof against its network's chain now; keyed by the proof, so each one taken is read afresh. */
export function proofCheckQueryOptions(loaded: LoadedProof | null, networks: readonly Network[]) {
  return queryOptions({
    queryKey: ['verify', 'proof-check', { key: loaded?.key ?? null }],
    queryFn: async (): Promise<ProofCheck> => {
      if (!loaded) throw new Error('No proof to check.');
      const chain = await readChainView(loaded.bundle, networks);
      const media = loaded.media ? { bytes: loaded.media.bytes } : undefined;
      return { chain, report: await checkProof(loaded.bundle, chain, media) };
    },
    enabled: loaded !== null,
    // A check is of the chain at one moment; "Check again" asks for a new one.
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
  });
}

/** The in-browser re-check of a proof (no wallet): readChainView then checkProof. */
export function useProofCheck(loaded: LoadedProof | null, networks: readonly Network[]) {
  return useQuery(proofCheckQueryOptions(loaded, networks));
}
