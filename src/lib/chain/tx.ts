import type {
  Abi,
  Account,
  Address,
  Chain,
  Client,
  ContractFunctionArgs,
  ContractFunctionName,
  Hash,
  TransactionReceipt,
  Transport,
} from 'viem';
import { simulateContract, waitForTransactionReceipt, writeContract } from 'viem/actions';

/** State mutabilities of the functions a transaction can call. */
export type WriteMutability = 'payable' | 'nonpayable';

/** The names of `abi`'s functions a transaction can call. */
export type WriteFunctionName<abi extends Abi> = ContractFunctionName<abi, WriteMutability>;

type ArgsOf<abi extends Abi, functionName extends WriteFunctionName<abi>> =
  ContractFunctionArgs<abi, WriteMutability, functionName> extends infer args
    ? readonly [] extends args
      ? { args?: readonly [] }
      : { args: args }
    : never;

type ValueOf<abi extends Abi, functionName extends WriteFunctionName<abi>> =
  functionName extends ContractFunctionName<abi, 'payable'>
    ? { /** Exact neuron sent with the call. */ value?: bigint }
    : { value?: undefined };

/**
 * A contract call the user sends from the wallet, typed by its ABI: `functionName` must be one of
 * its payable or nonpayable functions, `args` that function's inputs, and only a payable one takes `value`.
 */
export type ContractCall<
  abi extends Abi = Abi,
  functionName extends WriteFunctionName<abi> = WriteFunctionName<abi>,
> = { address: Address; abi: abi; functionName: functionName } & ArgsOf<abi, functionName> & ValueOf<abi, functionName>;

export type TxResult =
  | { status: 'confirmed'; hash: Hash; receipt: TransactionReceipt }
  | { status: 'reverted'; hash: Hash; receipt: TransactionReceipt; reason: unknown };

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
export async function sendContractTx<const abi extends Abi, functionName extends WriteFunctionName<abi>>(
  { publicClient, walletClient }: TxClients,
  call: ContractCall<abi, functionName>,
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
  if (receipt.status === 'success') return { status: 'confirmed', hash, receipt };
  // The receipt carries no reason: replay the call on the state it met to decode one.
  const reason = await simulateContract(publicClient, {
    ...call,
    account: walletClient.account,
    blockNumber: receipt.blockNumber - 1n,
  } as Parameters<typeof simulateContract>[1]).then(
    () => null,
    (err: unknown) => err,
  );
  return { status: 'reverted', hash, receipt, reason };
}
