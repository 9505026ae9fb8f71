import type { Contract, ErrorDescription, Interface, Wallet } from 'ethers';

export interface FineTuningAccount {
  nonce: bigint;
  balance: bigint;
  pendingRefund: bigint;
  /** The user's own acknowledgement of the provider's TEE signer: `settleFees` reverts without it. */
  acknowledged: boolean;
}

export interface OnChainDeliverable {
  modelRootHash: string;
  encryptedSecret: string;
  acknowledged: boolean;
  settled: boolean;
}

/** What the provider sends to `settleFees`; `signature` is the TEE key's EIP-712 `VerifierMessage`. */
export interface VerifierInput {
  id: string;
  encryptedSecret: string;
  modelRootHash: string;
  nonce: bigint;
  signature: string;
  taskFee: bigint;
  user: string;
}

interface Tx {
  wait: () => Promise<{ status?: number | null } | null>;
}

/** A revert's custom error (e.g. `PreviousDeliverableNotAcknowledged(…)`) or the RPC's own words. */
export function revertReason(e: unknown, iface?: Interface): string {
  const err = e as { revert?: ErrorDescription | null; data?: unknown; shortMessage?: string; message?: string };
  // A reverted send fails in estimateGas, where ethers leaves the custom error undecoded.
  let revert = err.revert ?? null;
  if (!revert && iface && typeof err.data === 'string') revert = iface.parseError(err.data);
  if (revert) return `${revert.name}(${revert.args.map((a: unknown) => JSON.stringify(String(a))).join(', ')})`;
  return err.shortMessage ?? err.message ?? String(e);
}

/**
 * The provider's side of FineTuningServing. Transactions go one at a time, so tasks finishing
 * together never race for the provider wallet's nonce.
 */
export class FineTuningChain {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly contract: Contract,
    readonly provider: string,
    private readonly teeKey: Wallet,
    private readonly chainId: bigint,
  ) {}

  /** The user's sub-account with this provider; null when there is none (the contract reverts). */
  async account(user: string): Promise<FineTuningAccount | null> {
    try {
      return (await this.contract.getFunction('getAccount')(user, this.provider)) as FineTuningAccount;
    } catch {
      return null;
    }
  }

  async deliverable(user: string, id: string): Promise<OnChainDeliverable> {
    return (await this.contract.getFunction('getDeliverable')(user, this.provider, id)) as OnChainDeliverable;
  }

  addDeliverable(user: string, id: string, modelRootHash: string): Promise<void> {
    return this.send('addDeliverable', [user, id, modelRootHash]);
  }

  /** Signs the settlement with the TEE key (EIP-712, domain `0G Fine-Tuning Serving` v1) and sends it. */
  async settle(input: Omit<VerifierInput, 'signature'>): Promise<void> {
    const signature = await this.teeKey.signTypedData(
      {
        name: '0G Fine-Tuning Serving',
        version: '1',
        chainId: this.chainId,
        verifyingContract: await this.contract.getAddress(),
      },
      {
        VerifierMessage: [
          { name: 'id', type: 'string' },
          { name: 'encryptedSecret', type: 'bytes' },
          { name: 'modelRootHash', type: 'bytes' },
          { name: 'nonce', type: 'uint256' },
          { name: 'taskFee', type: 'uint256' },
          { name: 'user', type: 'address' },
        ],
      },
      input,
    );
    const verifierInput: VerifierInput = { ...input, signature };
    return this.send('settleFees', [verifierInput]);
  }

  private send(method: string, args: unknown[]): Promise<void> {
    const run = this.queue.then(async () => {
      let tx: Tx;
      try {
        tx = (await this.contract.getFunction(method)(...args)) as Tx;
      } catch (e) {
        throw new Error(`${method} reverted: ${revertReason(e, this.contract.interface)}`);
      }
      const receipt = await tx.wait();
      if (receipt?.status !== 1) throw new Error(`${method} was not mined successfully`);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
