import {
  createPublicClient,
  createWalletClient,
  custom,
  defineChain,
  encodeFunctionData,
  getAddress,
  http,
  keccak256,
  type Hash,
  type Hex,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import {
  getBlock,
  prepareTransactionRequest,
  sendRawTransaction,
  signTransaction,
  waitForTransactionReceipt,
  writeContract,
} from 'viem/actions';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { rememberedTxs, rememberTx } from '../../src/lib/account/sent-txs.js';
import { inferenceAbi, ledgerAbi } from '../../src/lib/chain/abi.js';
import { getServiceNames } from '../../src/lib/chain/ledger-reads.js';
import { getHistory, type HistoryEntry } from '../../src/lib/chain/history.js';
import type { ContractAddresses } from '../../src/lib/chain/networks.js';

const manifest = inject('manifest');
// Account #8 is this file's alone: no other test sends from it, so its history is exactly what happens here.
const key = manifest.accounts[8]?.privateKey;
if (!key) throw new Error('The manifest has no account #8');
const account = privateKeyToAccount(key as Hex);
const user = account.address;
const chatA = getAddress(manifest.providers.find((p) => p.name === 'chat-a')?.address ?? '');
const contracts = manifest.contracts as ContractAddresses;
const chain = defineChain({
  id: manifest.chainId,
  name: 'devnet',
  nativeCurrency: { name: '0G', symbol: '0G', decimals: 18 },
  rpcUrls: { default: { http: [manifest.rpcUrl] } },
});
const client = createPublicClient({ chain, transport: http(manifest.rpcUrl) });
// No retries: Hardhat answers a reverted transaction with an error after mining it, and a retry would resend it.
const wallet = createWalletClient({ account, chain, transport: http(manifest.rpcUrl, { retryCount: 0 }) });
const OG = 10n ** 18n;
const BOGUS = `0x${'de'.repeat(32)}` as Hash;

// The app's remembered hashes live in localStorage; Node has none, so a Map stands in.
const memory = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
    removeItem: (k: string) => void memory.delete(k),
  },
});

/** Waits for the receipt of a sent transaction, as the app's transaction helper does. */
async function mined(sent: Promise<Hash>): Promise<Hash> {
  const hash = await sent;
  expect((await waitForTransactionReceipt(client, { hash })).status).toBe('success');
  return hash;
}
/** Waits, then remembers the hash the way the app does when the wallet returns it. */
async function remembered(label: string, sent: Promise<Hash>): Promise<Hash> {
  const hash = await mined(sent);
  rememberTx({ chainId: chain.id, from: user, hash, label });
  return hash;
}

/** A transaction that reverts on chain: signed with a fixed gas limit, so no estimate refuses it first. */
async function sendReverting(data: Hex): Promise<Hash> {
  const request = await prepareTransactionRequest(wallet, { to: contracts.ledger, data, gas: 300_000n });
  const serializedTransaction = await signTransaction(wallet, request);
  const hash = keccak256(serializedTransaction);
  await sendRawTransaction(wallet, { serializedTransaction }).catch(() => undefined);
  expect((await waitForTransactionReceipt(client, { hash })).status).toBe('reverted');
  return hash;
}

const ledger = { address: contracts.ledger, abi: ledgerAbi } as const;
const inference = { address: contracts.inference, abi: inferenceAbi } as const;
const h: Record<string, Hash> = {};
let history: HistoryEntry[];

beforeAll(async () => {
  const { inference: serviceName } = await getServiceNames(client, contracts);
  h.create = await remembered(
    'Create ledger',
    writeContract(wallet, { ...ledger, functionName: 'addLedger', args: [''], value: 4n * OG }),
  );
  h.deposit = await remembered('Deposit', writeContract(wallet, { ...ledger, functionName: 'depositFund', value: OG }));
  h.transfer = await remembered(
    'Fund chat-a',
    writeContract(wallet, { ...ledger, functionName: 'transferFund', args: [chatA, serviceName, OG] }),
  );
  h.acknowledge = await remembered(
    'Acknowledge',
    writeContract(wallet, { ...inference, functionName: 'acknowledgeTEESigner', args: [chatA, true] }),
  );
  h.revoke = await remembered(
    'Revoke API keys',
    writeContract(wallet, { ...inference, functionName: 'revokeAllTokens', args: [chatA] }),
  );
  h.retrieve = await remembered(
    'Retrieve',
    writeContract(wallet, { ...ledger, functionName: 'retrieveFund', args: [[chatA], serviceName] }),
  );
  h.refund = await remembered('Withdraw', writeContract(wallet, { ...ledger, functionName: 'refund', args: [OG] }));
  h.reverted = await sendReverting(encodeFunctionData({ abi: ledgerAbi, functionName: 'refund', args: [100n * OG] }));
  rememberTx({ chainId: chain.id, from: user, hash: h.reverted, label: 'Withdraw too much' });
  rememberTx({ chainId: chain.id, from: user, hash: BOGUS, label: 'From before a devnet restart' });
  // Sent as from another device: the app never saw this hash, only the contract's event tells of it.
  h.elsewhere = await mined(
    writeContract(wallet, { ...ledger, functionName: 'transferFund', args: [chatA, serviceName, OG / 2n] }),
  );
  history = await getHistory(client, contracts, user, rememberedTxs(chain.id, user));
});

describe('getHistory on the devnet (viem only, no SDK)', () => {
  it('lists exactly the confirmed transactions, newest first, each once', () => {
    const order = [
      'elsewhere',
      'reverted',
      'refund',
      'retrieve',
      'revoke',
      'acknowledge',
      'transfer',
      'deposit',
      'create',
    ];
    expect(history.map((e) => e.hash)).toEqual(order.map((k) => h[k]));
    expect(history.map((e) => e.hash)).not.toContain(BOGUS);
    const blocks = history.map((e) => e.blockNumber);
    expect([...blocks].sort((a, b) => Number(b - a))).toEqual(blocks);
  });

  it('decodes type and exact amount from each transaction; status from its receipt', () => {
    const row = (k: string) => {
      const e = history.find((x) => x.hash === h[k]);
      return (
        e && {
          type: e.type,
          amount: e.amount,
          provider: e.provider,
          service: e.service,
          status: e.status,
          from: e.from,
        }
      );
    };
    const app = { status: 'success', from: 'app' };
    expect(row('create')).toEqual({
      ...app,
      type: 'Create ledger',
      amount: 4n * OG,
      provider: null,
      service: 'ledger',
    });
    expect(row('deposit')).toEqual({ ...app, type: 'Deposit', amount: OG, provider: null, service: 'ledger' });
    expect(row('refund')).toEqual({
      ...app,
      type: 'Withdraw to wallet',
      amount: OG,
      provider: null,
      service: 'ledger',
    });
    expect(row('reverted')).toEqual({
      ...app,
      status: 'reverted',
      type: 'Withdraw to wallet',
      amount: 100n * OG,
      provider: null,
      service: 'ledger',
    });
    expect(row('acknowledge')).toEqual({
      ...app,
      type: 'Acknowledge provider',
      amount: null,
      provider: chatA,
      service: 'inference',
    });
    // A call the history does not name keeps the label the app gave it.
    expect(row('revoke')).toEqual({
      ...app,
      type: 'Revoke API keys',
      amount: null,
      provider: null,
      service: 'inference',
    });
  });

  it("merges the serving contract's events into the ledger transaction that caused them", () => {
    const transfer = history.find((e) => e.hash === h.transfer);
    // BalanceUpdated came from InferenceServing in the same transaction: provider and service are attached.
    expect(transfer).toMatchObject({
      type: 'Transfer to provider',
      amount: OG,
      provider: chatA,
      service: 'inference',
      from: 'app',
      logIndex: 0,
    });
    const retrieve = history.find((e) => e.hash === h.retrieve);
    // RefundRequested: the amount is not in the call nor in the event, so none is invented.
    expect(retrieve).toMatchObject({
      type: 'Retrieve from providers',
      amount: null,
      provider: chatA,
      service: 'inference',
    });
    expect(retrieve?.logIndex).toBeTypeOf('number');
    expect(new Set(history.map((e) => e.hash)).size).toBe(history.length);
  });

  it('shows a transaction sent elsewhere from its event, decoded from the transaction', () => {
    expect(history[0]).toMatchObject({
      hash: h.elsewhere,
      type: 'Transfer to provider',
      amount: OG / 2n,
      provider: chatA,
      service: 'inference',
      status: 'success',
      from: 'chain',
    });
  });

  it('gives each entry the timestamp of its block', async () => {
    for (const e of history) {
      expect(e.timestamp, e.type).toBe((await getBlock(client, { blockNumber: e.blockNumber })).timestamp);
    }
  });

  it('reads events from fromBlock only; remembered transactions show at any age', async () => {
    const ranges: Array<{ fromBlock: string; toBlock: string }> = [];
    const recording = createPublicClient({
      chain,
      transport: custom({
        request: async ({ method, params }: { method: string; params: unknown }) => {
          if (method === 'eth_getLogs') ranges.push((params as [{ fromBlock: string; toBlock: string }])[0]);
          return client.request({ method, params } as Parameters<typeof client.request>[0]);
        },
      }),
    });
    const blockOf = (k: string) => history.find((e) => e.hash === h[k])?.blockNumber ?? -1n;
    // Past the last event: the transfer sent elsewhere is gone, every remembered transaction stays.
    const later = await getHistory(client, contracts, user, rememberedTxs(chain.id, user), {
      fromBlock: blockOf('elsewhere') + 1n,
    });
    expect(later.map((e) => e.hash)).toEqual(history.slice(1).map((e) => e.hash));

    // Nothing remembered (another device): only what the events since fromBlock show, decoded the same way.
    const fromTransfer = await getHistory(recording, contracts, user, [], { fromBlock: blockOf('transfer') });
    expect(BigInt(ranges[0]?.fromBlock ?? '')).toBe(blockOf('transfer'));
    expect(fromTransfer.map((e) => [e.hash, e.type, e.amount, e.provider, e.from])).toEqual([
      [h.elsewhere, 'Transfer to provider', OG / 2n, chatA, 'chain'],
      [h.retrieve, 'Retrieve from providers', null, chatA, 'chain'],
      [h.transfer, 'Transfer to provider', OG, chatA, 'chain'],
    ]);

    // Without a start, a chain shorter than the look-back is read from its first block, in one range.
    ranges.length = 0;
    await getHistory(recording, contracts, user, []);
    expect(ranges.map((r) => BigInt(r.fromBlock))).toEqual([0n]);
  });

  it('fails, rather than showing a short list, when the RPC is unreachable', async () => {
    const down = createPublicClient({ transport: http('http://127.0.0.1:9', { retryCount: 0 }) });
    await expect(getHistory(down, contracts, user, rememberedTxs(chain.id, user))).rejects.toThrow();
  });
});
