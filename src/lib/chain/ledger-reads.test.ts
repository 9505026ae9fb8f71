import {
  createClient,
  custom,
  decodeFunctionData,
  encodeFunctionResult,
  getAddress,
  isAddressEqual,
  numberToHex,
  type Address,
  type Hex,
} from 'viem';
import { describe, expect, it } from 'vitest';
import { fineTuningAbi, inferenceAbi } from './abi';
import { getSubAccounts, inferenceSubAccount, type SubAccount } from './ledger-reads';
import type { ContractAddresses } from './networks';

const CONTRACTS: ContractAddresses = {
  ledger: '0x0000000000000000000000000000000000000001',
  inference: '0x0000000000000000000000000000000000000002',
  fineTuning: '0x0000000000000000000000000000000000000003',
};
const USER: Address = '0x00000000000000000000000000000000000000aa';
const LOCK = { inference: 60n, 'fine-tuning': 120n };
const provider = (i: number) => getAddress(numberToHex(0x1000 + i, { size: 20 }));

/**
 * A client whose RPC answers eth_call as the serving contracts would for `inference` and `fineTuning`
 * accounts, at most 50 per page like the contracts; `calls` counts the list reads.
 */
function fakeChain(inference: number, fineTuning: number) {
  const calls = { inference: 0, fineTuning: 0 };
  const page = (count: number, offset: bigint, limit: bigint) => {
    const start = Number(offset);
    const end = Math.min(count, start + Math.min(Number(limit), 50));
    return Array.from({ length: Math.max(0, end - start) }, (_, k) => start + k);
  };
  const common = (i: number) => ({
    user: USER,
    provider: provider(i),
    nonce: 0n,
    balance: BigInt(i + 1),
    pendingRefund: 0n,
  });
  const answer = (to: Address, data: Hex): Hex => {
    if (isAddressEqual(to, CONTRACTS.inference)) {
      const call = decodeFunctionData({ abi: inferenceAbi, data });
      if (call.functionName !== 'getAccountsByUser') throw new Error(`unexpected ${call.functionName}`);
      calls.inference++;
      const [, offset, limit] = call.args;
      const accounts = page(inference, offset, limit).map((i) => ({
        ...common(i),
        refunds: [],
        additionalInfo: '',
        acknowledged: true,
        validRefundsLength: 0n,
        generation: 0n,
        revokedBitmap: 0n,
      }));
      return encodeFunctionResult({
        abi: inferenceAbi,
        functionName: 'getAccountsByUser',
        result: [accounts, BigInt(inference)],
      });
    }
    const call = decodeFunctionData({ abi: fineTuningAbi, data });
    if (call.functionName === 'getAccountsByUser') {
      calls.fineTuning++;
      const [, offset, limit] = call.args;
      const accounts = page(fineTuning, offset, limit).map((i) => ({
        ...common(i),
        additionalInfo: '',
        validRefundsLength: 1n,
        deliverablesCount: 0n,
        acknowledged: false,
      }));
      return encodeFunctionResult({
        abi: fineTuningAbi,
        functionName: 'getAccountsByUser',
        result: [accounts, BigInt(fineTuning)],
      });
    }
    if (call.functionName === 'getAccount') {
      const i = Number(BigInt(call.args[1]) - 0x1000n);
      return encodeFunctionResult({
        abi: fineTuningAbi,
        functionName: 'getAccount',
        result: {
          ...common(i),
          refunds: [{ index: 0n, amount: 5n, createdAt: 1000n, _deprecated_processed: false }],
          additionalInfo: '',
          deliverables: [],
          validRefundsLength: 1n,
          deliverablesHead: 0n,
          deliverablesCount: 0n,
          acknowledged: false,
        },
      });
    }
    throw new Error(`unexpected ${call.functionName}`);
  };
  const client = createClient({
    transport: custom({
      async request({ method, params }: { method: string; params: unknown }) {
        if (method === 'eth_chainId') return '0x7a69';
        if (method !== 'eth_call') throw new Error(`unexpected ${method}`);
        const [{ to, data }] = params as [{ to: Address; data: Hex }];
        return answer(to, data);
      },
    }),
  });
  return { client, calls };
}

const providersOf = (subs: SubAccount[], kind: SubAccount['kind']) =>
  subs.filter((s) => s.kind === kind).map((s) => s.provider);
const expected = (count: number) => Array.from({ length: count }, (_, i) => provider(i));

describe('getSubAccounts', () => {
  it.each([
    [0, 1],
    [1, 1],
    [50, 1],
    [51, 2],
    [120, 3],
  ])('reads all of %i inference and fine-tuning accounts, in %i page(s) each', async (count, pages) => {
    const { client, calls } = fakeChain(count, count);
    const subs = await getSubAccounts(client, CONTRACTS, USER, LOCK);
    expect(providersOf(subs, 'inference')).toEqual(expected(count));
    expect(providersOf(subs, 'fine-tuning')).toEqual(expected(count));
    expect(calls).toEqual({ inference: pages, fineTuning: pages });
  });

  it('reads the refunds of each fine-tuning account and dates their unlock by the lock time', async () => {
    const { client } = fakeChain(0, 51);
    const last = (await getSubAccounts(client, CONTRACTS, USER, LOCK)).at(-1);
    expect(last).toMatchObject({
      kind: 'fine-tuning',
      provider: provider(50),
      balance: 51n,
      refunds: [{ amount: 5n, createdAt: 1000n, unlockAt: 1120n }],
    });
  });
});

describe('inferenceSubAccount', () => {
  const sub: SubAccount = {
    kind: 'inference',
    provider: '0x00000000000000000000000000000000000000Bb',
    balance: 1n,
    pendingRefund: 0n,
    refunds: [],
    acknowledged: true,
  };

  it('finds the provider whatever the letter case, and nothing for a missing or malformed address', () => {
    expect(inferenceSubAccount([sub], '0x00000000000000000000000000000000000000bB')).toBe(sub);
    expect(inferenceSubAccount([sub], undefined)).toBeNull();
    expect(inferenceSubAccount([sub], 'not an address')).toBeNull();
    expect(inferenceSubAccount([{ ...sub, kind: 'fine-tuning' }], sub.provider)).toBeNull();
  });
});
