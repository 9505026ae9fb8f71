import type { Abi, Account, Address, Chain, Client, Hash, TransactionReceipt, Transport } from 'viem';
import { simulateContract, waitForTransactionReceipt, writeContract } from 'viem/actions';

/** A contract call the user sends from the wallet. `value` is exact neuron. */
export interface ContractCall {
  address: Address;
  abi: Abi;
  functionName: string;
  args?: readonly unknown[];
  value?: bigint;
}

export type TxResult =
  | { status: 'confirmed'; hash: Hash; receipt: TransactionReceipt }
  | { status: 'reverted'; hash: Hash; receipt: TransactionReceipt };

export interface TxClients {
  /** Reads and receipts, over the network's own RPC. */
  publicClient: Client;
  /** The connected wallet, on the same chain. */
  walletClient: Client<Transport, Chain, Account>;
}

/**
 * The one transaction lifecycle: simulate (a revert is reported with its reason before the wallet
 * opens) -> send from the wallet -> wait for the receipt. Throws for a refusal before sending
 * (revert, rejection, RPC); after sending, the receipt decides. Shows no UI.
 */
export async function sendContractTx(
  { publicClient, walletClient }: TxClients,
  call: ContractCall,
  onSent?: (hash: Hash) => void,
): Promise<TxResult> {
  const { request } = await simulateContract(publicClient, {
    ...call,
    account: walletClient.account,
    chain: walletClient.chain,
  } as Parameters<typeof simulateContract>[1]);
  const hash = await writeContract(walletClient, request as Parameters<typeof writeContract>[1]);
  onSent?.(hash);
  const receipt = await waitForTransactionReceipt(publicClient, { hash });
  return { status: receipt.status === 'success' ? 'confirmed' : 'reverted', hash, receipt };
}
