import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Address } from 'viem';
import type { ServiceKind } from '../../lib/broker';
import type { Network } from '../../lib/chain/networks';
import {
  summarizeAttestation,
  type AttestationStep,
  type AttestationSummary,
  type VerifyServiceResult,
} from '../../lib/verify/attestation';
import { queryKeys } from '../../lib/query-keys';
import { useNetwork } from '../network/use-network';

export interface AttestationOutcome {
  provider: Address;
  network: string;
  checkedAt: string;
  summary: AttestationSummary;
  result: VerifyServiceResult;
}

/** The last attestation check of a provider in this visit; filled by `useAttestationCheck`, never fetched on its own. */
export function attestationQueryOptions(network: Network, provider: Address, kind: ServiceKind = 'inference') {
  return queryOptions<AttestationOutcome | null>({
    queryKey: queryKeys.attestation({ chainId: network.chain.id, provider: provider.toLowerCase(), kind }),
    queryFn: () => null,
    enabled: false,
    staleTime: Infinity,
  });
}

/** Runs the SDK's verifyService (loaded on demand) with a live step log, and remembers the outcome. */
export function useAttestationCheck(provider: Address, kind: ServiceKind = 'inference') {
  const { network } = useNetwork();
  const queryClient = useQueryClient();
  const [log, setLog] = useState<AttestationStep[]>([]);
  const last = useQuery(attestationQueryOptions(network, provider, kind));
  const run = useMutation({
    mutationFn: async (): Promise<AttestationOutcome> => {
      setLog([]);
      const { checkAttestation } = await import('../../lib/broker');
      const result = await checkAttestation(network, provider, (step) => setLog((l) => [...l, step]), kind);
      return {
        provider,
        network: network.chain.name,
        checkedAt: new Date().toISOString(),
        summary: summarizeAttestation(result),
        result,
      };
    },
    onSuccess: (outcome) =>
      queryClient.setQueryData(attestationQueryOptions(network, provider, kind).queryKey, outcome),
  });
  return { run, log, outcome: run.data ?? last.data ?? null };
}
