import { BaseError, ContractFunctionRevertedError, type Address, type Client } from 'viem';
import { readView } from '../chain/read-view';
import { inferenceAbi } from '../chain/abi';
import type { TokenAccount } from './key-state';

const reverted = (err: unknown) =>
  err instanceof BaseError && err.walk((e) => e instanceof ContractFunctionRevertedError) !== null;

/**
 * The generation and revoked-id bitmap of the user's inference sub-account with a provider, or null
 * when there is none (the contract reverts); RPC failures throw.
 */
export async function getTokenAccount(
  client: Client,
  inference: Address,
  user: Address,
  provider: Address,
): Promise<TokenAccount | null> {
  try {
    const a = await readView(client, {
      address: inference,
      abi: inferenceAbi,
      functionName: 'getAccount',
      args: [user, provider],
    });
    return { generation: a.generation, revokedBitmap: a.revokedBitmap };
  } catch (err) {
    if (reverted(err)) return null;
    throw err;
  }
}
