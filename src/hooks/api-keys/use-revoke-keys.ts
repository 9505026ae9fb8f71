import type { Address } from 'viem';
import { useAccount } from 'wagmi';
import type { KeyRecord } from '../../lib/api-keys/key-state';
import { inferenceAbi } from '../../lib/chain/abi';
import { dropHeader } from '../../lib/inference/auth-cache';
import { useContractTx } from '../chain/use-contract-tx';
import { useNetwork } from '../network/use-network';

/**
 * Revokes one key (`revokeToken`, its bit in the bitmap) or every token with a provider
 * (`revokeAllTokens`, the generation bumped), through the one transaction helper. After a confirmed
 * revoke-all, the app's own session token is dead too, so both its caches of it are dropped and
 * the next request signs a fresh one instead of meeting a 401 first.
 */
export function useRevokeKeys(provider: Address) {
  const { network } = useNetwork();
  const { address } = useAccount();
  const { send, pending } = useContractTx();

  const revoke = (key: KeyRecord) =>
    send(
      {
        address: network.contracts.inference,
        abi: inferenceAbi,
        functionName: 'revokeToken',
        args: [provider, key.tokenId],
      },
      `Revoke API key “${key.label}” (id ${key.tokenId})`,
    );

  async function revokeAll() {
    const result = await send(
      { address: network.contracts.inference, abi: inferenceAbi, functionName: 'revokeAllTokens', args: [provider] },
      'Revoke all tokens with this provider',
    );
    if (result?.status === 'confirmed' && address) {
      dropHeader({ chainId: network.chain.id, user: address, provider });
      const broker = await import('../../lib/broker');
      broker.forgetSdkSession(address, provider);
    }
    return result;
  }

  return { revoke, revokeAll, pending };
}
