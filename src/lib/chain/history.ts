import {
  BaseError,
  formatLog,
  numberToHex,
  pad,
  TransactionNotFoundError,
  TransactionReceiptNotFoundError,
  type Address,
  type Client,
  type Hash,
  type Hex,
  type Log,
} from 'viem';
import { getBlock, getBlockNumber, getTransaction, getTransactionReceipt } from 'viem/actions';
import { sameAddress } from '../address';
import { decodeCall, describe, readEvent, serviceAt, TOPICS, type Ev } from './history-decode';
import type { ContractAddresses } from './networks';

/** Which contract an entry is about: the ledger itself or the serving contract behind a provider. */
export type HistoryService = 'ledger' | 'inference' | 'fine-tuning';

/** One transaction in the account history, as the chain proves it. `amount` is neuron. */
export interface HistoryEntry {
  hash: Hash;
  blockNumber: bigint;
  logIndex?: number;
  timestamp: bigint;
  type: string;
  amount: bigint | null;
  provider: Address | null;
  service: HistoryService;
  status: 'success' | 'reverted';
  /** `app`: a hash this app sent, confirmed by its receipt; `chain`: found through the serving contracts' events. */
  from: 'app' | 'chain';
}

/** How many blocks back events are read by default; events older than that are not shown. */
export const HISTORY_LOOKBACK_BLOCKS = 200_000n;
/** Public RPCs cap the block range of one eth_getLogs. */
export const LOG_CHUNK_BLOCKS = 50_000n;
const CONCURRENCY = 6;

const isMissing = (err: unknown, kind: typeof TransactionNotFoundError | typeof TransactionReceiptNotFoundError) =>
  err instanceof BaseError && err.walk((e) => e instanceof kind) !== null;

async function mapLimit<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return out;
}

type Sorted = HistoryEntry & { txIndex: number };

/**
 * The user's transaction history, newest first, read from the chain only: the remembered hashes the
 * app sent (shown once their transaction and receipt are found; type and amount decoded from the
 * transaction) plus every transaction in which the serving contracts or the ledger emitted an event
 * for the user (other devices, the CLI, fee settlements by providers). Events are read from
 * `opts.fromBlock`, by default the last HISTORY_LOOKBACK_BLOCKS blocks: older events are not shown
 * (remembered transactions are, at any age).
 */
export async function getHistory(
  client: Client,
  contracts: ContractAddresses,
  user: Address,
  remembered: Array<{ hash: Hash; label: string }>,
  opts: { fromBlock?: bigint } = {},
): Promise<HistoryEntry[]> {
  const times = new Map<bigint, Promise<bigint>>();
  const timeOf = (blockNumber: bigint) => {
    let t = times.get(blockNumber);
    if (!t) times.set(blockNumber, (t = getBlock(client, { blockNumber }).then((b) => b.timestamp)));
    return t;
  };

  const fromApp = await mapLimit(remembered, async ({ hash, label }): Promise<Sorted | null> => {
    try {
      const tx = await getTransaction(client, { hash });
      const target = tx.to ? serviceAt(contracts, tx.to) : null;
      // Sent from elsewhere, to something else, or still pending: nothing the chain proves for this user yet.
      if (!sameAddress(tx.from, user) || !target || tx.blockNumber === null) return null;
      const receipt = await getTransactionReceipt(client, { hash });
      const evs = receipt.logs.flatMap((l) => readEvent(l, contracts, user) ?? []);
      const what = describe(decodeCall(contracts, tx.to, tx.input, tx.value), evs, label, target);
      if (!what) return null;
      return {
        ...what,
        hash: receipt.transactionHash,
        blockNumber: receipt.blockNumber,
        ...(evs[0] ? { logIndex: evs[0].logIndex } : {}),
        txIndex: receipt.transactionIndex,
        timestamp: await timeOf(receipt.blockNumber),
        status: receipt.status,
        from: 'app',
      };
    } catch (err) {
      if (isMissing(err, TransactionNotFoundError) || isMissing(err, TransactionReceiptNotFoundError)) return null;
      throw err;
    }
  });
  const listed = new Set(fromApp.flatMap((e) => (e ? [e.hash.toLowerCase()] : [])));

  const latest = await getBlockNumber(client, { cacheTime: 0 });
  const start = opts.fromBlock ?? (latest > HISTORY_LOOKBACK_BLOCKS ? latest - HISTORY_LOOKBACK_BLOCKS : 0n);
  const byTx = new Map<Hash, { log: Log; evs: Ev[] }>();
  for (let from = start; from <= latest; from += LOG_CHUNK_BLOCKS) {
    const to = from + LOG_CHUNK_BLOCKS - 1n < latest ? from + LOG_CHUNK_BLOCKS - 1n : latest;
    const logs = await client.request({
      method: 'eth_getLogs',
      params: [
        {
          address: [contracts.ledger, contracts.inference, contracts.fineTuning],
          topics: [TOPICS, pad(user.toLowerCase() as Hex)],
          fromBlock: numberToHex(from),
          toBlock: numberToHex(to),
        },
      ],
    });
    for (const log of logs.map((l) => formatLog(l))) {
      const ev = readEvent(log, contracts, user);
      if (!ev || !log.transactionHash || listed.has(log.transactionHash.toLowerCase())) continue;
      const group = byTx.get(log.transactionHash) ?? { log, evs: [] };
      group.evs.push(ev);
      byTx.set(log.transactionHash, group);
    }
  }

  const fromChain = await mapLimit([...byTx.entries()], async ([hash, { log, evs }]): Promise<Sorted | null> => {
    if (log.blockNumber === null || evs.every((e) => e.kind === 'settle-failed')) return null;
    const settlement = evs.some((e) => e.kind === 'spent' || e.kind === 'settled');
    // A settlement is fully described by its events; anything else is decoded from the transaction the user sent.
    const tx = settlement ? null : await getTransaction(client, { hash });
    const call = tx && sameAddress(tx.from, user) ? decodeCall(contracts, tx.to, tx.input, tx.value) : null;
    const what = describe(call, evs, null, null);
    if (!what) return null;
    return {
      ...what,
      hash,
      blockNumber: log.blockNumber,
      logIndex: Math.min(...evs.map((e) => e.logIndex)),
      txIndex: log.transactionIndex ?? 0,
      timestamp: await timeOf(log.blockNumber),
      status: 'success', // only a successful transaction leaves logs
      from: 'chain',
    };
  });

  return [...fromApp, ...fromChain]
    .filter((e): e is Sorted => e !== null)
    .sort((a, b) =>
      a.blockNumber !== b.blockNumber
        ? a.blockNumber < b.blockNumber
          ? 1
          : -1
        : b.txIndex - a.txIndex || (b.logIndex ?? 0) - (a.logIndex ?? 0),
    )
    .map(({ txIndex: _, ...entry }) => entry);
}
