import {
  BaseError,
  ContractFunctionRevertedError,
  decodeFunctionResult,
  encodeFunctionData,
  type Abi,
  type Address,
  type Client,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type ContractFunctionReturnType,
  type Hex,
} from 'viem';

type ViewName<A extends Abi> = ContractFunctionName<A, 'view' | 'pure'>;

/** One view call: the contract, its ABI, the function and its arguments. */
export interface ViewCall<A extends Abi, F extends ViewName<A>> {
  address: Address;
  abi: A;
  functionName: F;
  args?: ContractFunctionArgs<A, 'view' | 'pure', F>;
}

const HEX = /^0x(?:[0-9a-f]{2})*$/i;

/** The revert data an RPC error carries: `data` as hex, or `data.data` as some nodes send it. */
function revertData(e: unknown): Hex | undefined {
  const data = (e as { data?: unknown }).data;
  if (typeof data === 'string' && HEX.test(data)) return data as Hex;
  const inner = (data as { data?: unknown } | undefined)?.data;
  return typeof inner === 'string' && HEX.test(inner) ? (inner as Hex) : undefined;
}

/** The JSON-RPC error that says the call reverted (code 3, or a node's "reverted" message), if it is one. */
function revertOf(err: unknown): (Error & { shortMessage?: string }) | null {
  if (!(err instanceof BaseError)) return null;
  return err.walk((e) => {
    const { code, message } = e as { code?: unknown; message?: unknown };
    // Only a JSON-RPC error (it has a code) can say so: an HTTP failure's text is not the contract's answer.
    return code === 3 || (typeof code === 'number' && typeof message === 'string' && /revert/i.test(message));
  }) as (Error & { shortMessage?: string }) | null;
}

/**
 * Reads a view function with one `eth_call`: the arguments encoded, the result decoded by the ABI. A revert throws
 * viem's ContractFunctionRevertedError (its custom error decoded), as readContract does, so callers tell "the contract
 * says no" from an unreachable RPC. readContract also brings multicall batching, CCIP reads and deployless calls,
 * none of which the app uses; this keeps them out of the first page's JavaScript.
 */
export async function readView<const A extends Abi, F extends ViewName<A>>(
  client: Client,
  call: ViewCall<A, F>,
): Promise<ContractFunctionReturnType<A, 'view' | 'pure', F>> {
  const { address, abi, functionName, args } = call;
  const data = encodeFunctionData({ abi, functionName, args } as Parameters<typeof encodeFunctionData>[0]);
  let result: Hex;
  try {
    result = await client.request({ method: 'eth_call', params: [{ to: address, data }, 'latest'] });
  } catch (err) {
    const revert = revertOf(err);
    if (!revert) throw err;
    throw new ContractFunctionRevertedError({
      abi,
      functionName,
      data: revertData(revert),
      message: revert.shortMessage ?? revert.message,
    });
  }
  return decodeFunctionResult({ abi, functionName, data: result } as Parameters<
    typeof decodeFunctionResult
  >[0]) as ContractFunctionReturnType<A, 'view' | 'pure', F>;
}
