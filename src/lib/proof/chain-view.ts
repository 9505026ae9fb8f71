import { createPublicClient, http } from 'viem';
import type { Network } from '../chain/networks';
import { getService } from '../chain/services';
import { expectedSignerOf } from '../inference/signed-text';
import type { ChainView } from './check';
import type { ProofBundle } from './types';

/** Reads the bundle's provider's service now, from the app's network for its chain id (no wallet). */
export async function readChainView(b: ProofBundle, networks: readonly Network[]): Promise<ChainView> {
  const network = networks.find((n) => n.chain.id === b.network.chainId) ?? null;
  if (!network) return { network: null, service: 'unreachable' };
  const rpc = network.chain.rpcUrls.default.http[0];
  if (!rpc) return { network, service: 'unreachable' };
  const client = createPublicClient({ chain: network.chain, transport: http(rpc, { retryCount: 1, timeout: 10_000 }) });
  try {
    // The app's own contract address, never the bundle's: the bundle is what is being checked.
    const svc = await getService(client, network.contracts.inference, b.service.provider);
    if (!svc) return { network, service: null };
    const signer = expectedSignerOf(svc);
    return {
      network,
      service: { teeSigner: signer.address, acknowledged: svc.teeSignerAcknowledged, source: signer.source },
    };
  } catch {
    return { network, service: 'unreachable' };
  }
}
