import { BaseError, ContractFunctionRevertedError, type Address, type Client, type Hex } from 'viem';
import { readView } from './read-view';
import { fineTuningAbi } from './abi';

/** The user's fine-tuning sub-account with one provider, as the contract keeps it. */
export interface FineTuningAccount {
  nonce: bigint;
  balance: bigint;
  pendingRefund: bigint;
  /** The user acknowledged the provider's TEE signer: the provider cannot settle a task's fee without it. */
  acknowledged: boolean;
  deliverables: readonly Deliverable[];
}

/** A delivered model as the provider recorded it on chain (`modelRootHash` names the encrypted file). */
export interface Deliverable {
  id: string;
  modelRootHash: Hex;
  encryptedSecret: Hex;
  acknowledged: boolean;
  settled: boolean;
}

const reverted = (err: unknown) =>
  err instanceof BaseError && !!err.walk((e) => e instanceof ContractFunctionRevertedError);

/** The sub-account, or null when there is none (the contract reverts); RPC failures throw. */
export async function readFineTuningAccount(
  client: Client,
  contract: Address,
  user: Address,
  provider: Address,
): Promise<FineTuningAccount | null> {
  try {
    const a = await readView(client, {
      address: contract,
      abi: fineTuningAbi,
      functionName: 'getAccount',
      args: [user, provider],
    });
    return {
      nonce: a.nonce,
      balance: a.balance,
      pendingRefund: a.pendingRefund,
      acknowledged: a.acknowledged,
      deliverables: a.deliverables.map(deliverable),
    };
  } catch (err) {
    if (reverted(err)) return null;
    throw err;
  }
}

function deliverable(d: {
  id: string;
  modelRootHash: Hex;
  encryptedSecret: Hex;
  acknowledged: boolean;
  settled: boolean;
}): Deliverable {
  return {
    id: d.id,
    modelRootHash: d.modelRootHash,
    encryptedSecret: d.encryptedSecret,
    acknowledged: d.acknowledged,
    settled: d.settled,
  };
}

/** One task's deliverable, or null before the provider recorded it (the contract reverts). */
export async function readDeliverable(
  client: Client,
  contract: Address,
  user: Address,
  provider: Address,
  id: string,
): Promise<Deliverable | null> {
  try {
    const d = await readView(client, {
      address: contract,
      abi: fineTuningAbi,
      functionName: 'getDeliverable',
      args: [user, provider, id],
    });
    return deliverable(d);
  } catch (err) {
    if (reverted(err)) return null;
    throw err;
  }
}

/** Funds the sub-account holds beyond what it is already refunding. */
export function spendable(account: FineTuningAccount | null): bigint {
  return account ? account.balance - account.pendingRefund : 0n;
}
