import { createPublicClient, http, type Client } from 'viem';
import { sameAddress } from '../address';
import { readDeliverable } from '../chain/fine-tuning-reads';
import type { Network } from '../chain/networks';
import { getService, listFineTuningServices } from '../chain/services';
import { expectedSignerOf } from '../inference/signed-text';
import type { ChainView } from './check';
import type { DeliverableProof, ProofBundle } from './types';

/** A delivery bundle's provider and deliverable now, from the fine-tuning contract. */
async function fineTuningView(client: Client, network: Network, b: DeliverableProof): Promise<ChainView> {
  const contract = network.contracts.fineTuning;
  const [services, deliverable] = await Promise.all([
    listFineTuningServices(client, contract),
    readDeliverable(client, contract, b.deliverable.user, b.service.provider, b.deliverable.taskId),
  ]);
  const svc = services.find((s) => sameAddress(s.provider, b.service.provider));
  return {
    network,
    service: svc ? { teeSigner: svc.teeSignerAddress, acknowledged: svc.teeSignerAcknowledged } : null,
    deliverable: deliverable && {
      modelRootHash: deliverable.modelRootHash,
      acknowledged: deliverable.acknowledged,
      settled: deliverable.settled,
    },
  };
}

/** Reads the bundle's provider's service now, from the app's network for its chain id (no wallet). */
export async function readChainView(b: ProofBundle, networks: readonly Network[]): Promise<ChainView> {
  const network = networks.find((n) => n.chain.id === b.network.chainId) ?? null;
  const unreachable = b.kind === 'fine-tuning' ? { deliverable: 'unreachable' as const } : {};
  if (!network) return { network: null, service: 'unreachable', ...unreachable };
  const rpc = network.chain.rpcUrls.default.http[0];
  if (!rpc) return { network, service: 'unreachable', ...unreachable };
  const client = createPublicClient({ chain: network.chain, transport: http(rpc, { retryCount: 1, timeout: 10_000 }) });
  try {
    // The app's own contract addresses, never the bundle's: the bundle is what is being checked.
    if (b.kind === 'fine-tuning') return await fineTuningView(client, network, b);
    const svc = await getService(client, network.contracts.inference, b.service.provider);
    if (!svc) return { network, service: null };
    const signer = expectedSignerOf(svc);
    return {
      network,
      service: { teeSigner: signer.address, acknowledged: svc.teeSignerAcknowledged, source: signer.source },
    };
  } catch {
    return { network, service: 'unreachable', ...unreachable };
  }
}
