import { Contract, keccak256, toUtf8Bytes, type Wallet } from 'ethers';

interface Unsettled {
  fee: bigint;
  requestIds: string[];
}

export interface SettlementResult {
  user: string;
  fee: bigint;
  status: number;
}

const STATUS_SUCCESS = 0;
const STATUS_PARTIAL = 1;

/**
 * One provider's book of fees not yet settled, and the batch settlement a real broker runs:
 * a TEE-signed EIP-712 `TEESettlement` per user, sent in one `settleFeesWithTEE` transaction.
 */
export class FeeBook {
  private readonly unsettled = new Map<string, Unsettled>();
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly inference: Contract,
    private readonly provider: Wallet,
    private readonly teeKey: Wallet,
    private readonly chainId: bigint,
  ) {}

  add(user: string, fee: bigint, requestId: string): void {
    const entry = this.unsettled.get(user) ?? { fee: 0n, requestIds: [] };
    entry.fee += fee;
    entry.requestIds.push(requestId);
    this.unsettled.set(user, entry);
  }

  unsettledFee(user: string): bigint {
    return this.unsettled.get(user)?.fee ?? 0n;
  }

  /** Settles every user with fees due; runs one settlement at a time per provider. */
  settle(): Promise<SettlementResult[]> {
    const run = this.chain.then(() => this.settleNow());
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async settleNow(): Promise<SettlementResult[]> {
    // Snapshot: requests served while the transaction is under way stay owed for the next round.
    const due = [...this.unsettled.entries()]
      .filter(([, u]) => u.fee > 0n)
      .slice(0, 50)
      .map(([user, u]) => ({ user, fee: u.fee, requestIds: [...u.requestIds] }));
    if (due.length === 0) return [];
    const providerAddress = await this.provider.getAddress();
    const verifyingContract = await this.inference.getAddress();
    const settlements = [];
    for (const u of due) {
      const user = u.user;
      const account = (await this.inference.getFunction('getAccount')(user, providerAddress)) as { nonce: bigint };
      const requestsHash = keccak256(toUtf8Bytes(u.requestIds.join(',')));
      const nonce = account.nonce + 1n;
      const signature = await this.teeKey.signTypedData(
        { name: '0G Inference Serving', version: '1', chainId: this.chainId, verifyingContract },
        {
          TEESettlement: [
            { name: 'requestsHash', type: 'bytes32' },
            { name: 'nonce', type: 'uint256' },
            { name: 'provider', type: 'address' },
            { name: 'user', type: 'address' },
            { name: 'totalFee', type: 'uint256' },
          ],
        },
        { requestsHash, nonce, provider: providerAddress, user, totalFee: u.fee },
      );
      settlements.push({ user, provider: providerAddress, totalFee: u.fee, requestsHash, nonce, signature });
    }
    const c = this.inference.connect(this.provider) as Contract;
    const tx = (await c.getFunction('settleFeesWithTEE')(settlements)) as { wait: () => Promise<Receipt | null> };
    const receipt = await tx.wait();
    const results: SettlementResult[] = [];
    for (const log of receipt?.logs ?? []) {
      const parsed = this.inference.interface.parseLog(log);
      if (parsed?.name !== 'TEESettlementResult') continue;
      const user = String(parsed.args[0]);
      const status = Number(parsed.args[1]);
      const unsettledAmount = BigInt(parsed.args[2] as bigint);
      const entry = this.unsettled.get(user);
      if (!entry) continue;
      const sent = due.find((d) => d.user === user);
      if (!sent) continue;
      results.push({ user, fee: sent.fee, status });
      if (status === STATUS_SUCCESS || status === STATUS_PARTIAL) {
        // On PARTIAL, what the balance could not cover stays owed.
        entry.fee = entry.fee - sent.fee + (status === STATUS_PARTIAL ? unsettledAmount : 0n);
        entry.requestIds = entry.requestIds.slice(sent.requestIds.length);
      }
    }
    return results;
  }
}

interface Receipt {
  logs: readonly { topics: readonly string[]; data: string }[];
}
