import {
  BaseError,
  ContractFunctionRevertedError,
  encodeErrorResult,
  encodeFunctionResult,
  HttpRequestError,
  RpcRequestError,
  type Client,
} from 'viem';
import { describe, expect, it, vi } from 'vitest';
import { readView } from './read-view';

const abi = [
  {
    type: 'function',
    name: 'getLedger',
    stateMutability: 'view',
    inputs: [{ name: 'user', type: 'address' }],
    outputs: [{ name: 'balance', type: 'uint256' }],
  },
  { type: 'error', name: 'LedgerNotExists', inputs: [{ name: 'user', type: 'address' }] },
] as const;
const ADDRESS = '0x00000000000000000000000000000000000000a1';
const USER = '0x00000000000000000000000000000000000000b2';

const client = (request: (args: { method: string; params: unknown }) => Promise<unknown>) =>
  ({ request: vi.fn(request) }) as unknown as Client & { request: ReturnType<typeof vi.fn> };
const rpcError = (error: { code: number; message: string; data?: unknown }) =>
  new RpcRequestError({ body: {}, error, url: 'http://rpc' });

describe('readView', () => {
  it('sends one eth_call with the encoded arguments and decodes the result', async () => {
    const c = client(async () => encodeFunctionResult({ abi, functionName: 'getLedger', result: 42n }));
    await expect(readView(c, { address: ADDRESS, abi, functionName: 'getLedger', args: [USER] })).resolves.toBe(42n);
    const [{ method, params }] = c.request.mock.calls[0] as [
      { method: string; params: [{ to: string; data: string }] },
    ];
    expect(method).toBe('eth_call');
    expect(params[0].to).toBe(ADDRESS);
    expect(params[0].data.slice(-40)).toBe(USER.slice(2));
  });

  it('turns a revert (code 3, or data nested as some nodes send it) into ContractFunctionRevertedError with its custom error', async () => {
    const data = encodeErrorResult({ abi, errorName: 'LedgerNotExists', args: [USER] });
    for (const error of [
      { code: 3, message: 'execution reverted', data },
      { code: -32603, message: 'VM Exception while processing transaction: reverted', data: { data } },
    ]) {
      const c = client(async () => Promise.reject(rpcError(error)));
      const err = await readView(c, { address: ADDRESS, abi, functionName: 'getLedger', args: [USER] }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ContractFunctionRevertedError);
      expect((err as ContractFunctionRevertedError).data?.errorName).toBe('LedgerNotExists');
    }
  });

  it('passes any other failure on as it came: an unreachable RPC is not "the contract says no"', async () => {
    const down = new HttpRequestError({ url: 'http://rpc', details: 'fetch failed' });
    const c = client(async () => Promise.reject(down));
    await expect(readView(c, { address: ADDRESS, abi, functionName: 'getLedger', args: [USER] })).rejects.toBe(down);
    const other = rpcError({ code: -32005, message: 'limit exceeded' });
    const c2 = client(async () => Promise.reject(other));
    const err = await readView(c2, { address: ADDRESS, abi, functionName: 'getLedger', args: [USER] }).catch(
      (e: unknown) => e,
    );
    expect(err).toBe(other);
    expect(err instanceof BaseError && err.walk((e) => e instanceof ContractFunctionRevertedError)).toBeFalsy();
  });
});
