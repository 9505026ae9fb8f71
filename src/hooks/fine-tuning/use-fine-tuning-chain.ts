import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Address, Client, Hex } from 'viem';
import { signMessage } from 'viem/actions';
import { useAccount, useClient, useConfig } from 'wagmi';
import { getConnectorClient } from 'wagmi/actions';
import { fineTuningAbi } from '../../lib/chain/abi';
import { readDeliverable, readFineTuningAccount } from '../../lib/chain/fine-tuning-reads';
import type { Network } from '../../lib/chain/networks';
import type { FineTuningService } from '../../lib/chain/services';
import type { FtEndpoint } from '../../lib/fine-tuning/provider-api';
import { shortAddress } from '../../lib/format';
import { queryKeys } from '../../lib/query-keys';
import { useContractTx } from '../chain/use-contract-tx';
import { useNetwork } from '../network/use-network';

/** The provider's HTTP base as the chain names it; plain http is allowed only to localhost on the devnet. */
export function endpointOf(network: Network, service: Pick<FineTuningService, 'url'>): FtEndpoint {
  return { url: service.url, allowLocalHttp: network.kind === 'devnet' };
}

function accountOptions(network: Network, client: Client | undefined, user?: Address, provider?: Address) {
  return queryOptions({
    queryKey: queryKeys.fineTuningAccount({ chainId: network.chain.id, user: user!, provider: provider! }),
    queryFn: () => readFineTuningAccount(client!, network.contracts.fineTuning, user!, provider!),
    enabled: !!client && !!user && !!provider,
    staleTime: 10_000,
  });
}

/** The connected user's fine-tuning sub-account with `provider` (null when there is none yet). */
export function useFineTuningAccount(provider?: Address) {
  const { network } = useNetwork();
  const { address } = useAccount();
  const client = useClient({ chainId: network.chain.id });
  return useQuery(accountOptions(network, client, address, provider));
}

/** A task's deliverable on chain; polled while the caller waits for the provider to record or settle it. */
export function useDeliverable(provider: Address | undefined, id: string | undefined, pollMs: number | false) {
  const { network } = useNetwork();
  const { address } = useAccount();
  const client = useClient({ chainId: network.chain.id });
  return useQuery({
    queryKey: queryKeys.deliverable({ chainId: network.chain.id, user: address!, provider: provider!, id: id! }),
    queryFn: () => readDeliverable(client!, network.contracts.fineTuning, address!, provider!, id!),
    enabled: !!client && !!address && !!provider && !!id,
    staleTime: 5_000,
    refetchInterval: pollMs,
  });
}

/**
 * Signs 32 digest bytes with personal_sign from the connected wallet: one wallet prompt each. The
 * provider recovers the user's address (and, for a task, the public key the model key is sealed to).
 */
export function useSignDigest() {
  const config = useConfig();
  const { network } = useNetwork();
  const { address } = useAccount();
  return useCallback(
    async (digest: Uint8Array): Promise<Hex> => {
      if (!address) throw new Error('Connect a wallet first.');
      const wallet = await getConnectorClient(config, { chainId: network.chain.id, account: address });
      return signMessage(wallet, { account: address, message: { raw: digest } });
    },
    [config, network.chain.id, address],
  );
}

/** Fine-tuning contract transactions through the one transaction helper. */
export function useFineTuningTx() {
  const { network } = useNetwork();
  const { send, pending } = useContractTx();
  const contract = { address: network.contracts.fineTuning, abi: fineTuningAbi } as const;
  return {
    pending,
    /** The user's own acknowledgement of the provider's TEE signer: without it no fee can be settled. */
    acknowledgeSigner: (provider: Address) =>
      send(
        { ...contract, functionName: 'acknowledgeTEESigner', args: [provider, true] },
        `Acknowledge the TEE signer of ${shortAddress(provider)}`,
      ),
    /** Accepts the delivered model: the provider may then settle its fee and publish the model key. */
    acknowledgeDeliverable: (provider: Address, id: string) =>
      send({ ...contract, functionName: 'acknowledgeDeliverable', args: [provider, id] }, 'Acknowledge the model'),
  };
}
