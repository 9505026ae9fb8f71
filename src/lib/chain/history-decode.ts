import {
  decodeEventLog,
  decodeFunctionData,
  getAbiItem,
  toEventSelector,
  type Address,
  type Hex,
  type Log,
} from 'viem';
import { sameAddress } from '../address';
import { fineTuningAbi, inferenceAbi, ledgerAbi } from './abi';
import type { HistoryService } from './history';
import type { ContractAddresses } from './networks';

// Decoding for the history: which events and calls concern the user's funds, and in what words.

// Every event that names the user as its first indexed argument; one eth_getLogs per chunk asks for all
// of them (viem's getLogs filters by an argument only for a single event, which would mean six calls).
export const TOPICS = [
  toEventSelector(getAbiItem({ abi: ledgerAbi, name: 'FundSpent' })),
  toEventSelector(getAbiItem({ abi: inferenceAbi, name: 'BalanceUpdated' })),
  toEventSelector(getAbiItem({ abi: inferenceAbi, name: 'RefundRequested' })),
  toEventSelector(getAbiItem({ abi: inferenceAbi, name: 'AccountDeleted' })),
  toEventSelector(getAbiItem({ abi: inferenceAbi, name: 'TEESettlementResult' })),
  toEventSelector(getAbiItem({ abi: fineTuningAbi, name: 'FeesSettled' })),
];

/** A user event, reduced to what the history shows. */
export interface Ev {
  kind: 'balance' | 'refund-requested' | 'deleted' | 'settled' | 'settle-failed' | 'spent';
  service: HistoryService;
  logIndex: number;
  provider: Address | null;
  amount: bigint | null;
}

export function serviceAt(c: ContractAddresses, address: Address): HistoryService | null {
  if (sameAddress(address, c.inference)) return 'inference';
  if (sameAddress(address, c.fineTuning)) return 'fine-tuning';
  return sameAddress(address, c.ledger) ? 'ledger' : null;
}

export function readEvent(log: Log, c: ContractAddresses, user: Address): Ev | null {
  const service = serviceAt(c, log.address);
  if (!service || log.removed) return null;
  const at = { logIndex: log.logIndex ?? 0, provider: null, amount: null };
  try {
    const { data, topics } = log;
    if (service === 'ledger') {
      const e = decodeEventLog({ abi: ledgerAbi, eventName: 'FundSpent', data, topics });
      const spentBy = serviceAt(c, e.args.service);
      if (!sameAddress(e.args.user, user) || !spentBy) return null;
      return { ...at, service: spentBy, kind: 'spent', amount: e.args.amount };
    }
    const e =
      service === 'inference'
        ? decodeEventLog({ abi: inferenceAbi, data, topics })
        : decodeEventLog({ abi: fineTuningAbi, data, topics });
    if (!('user' in e.args) || !sameAddress(e.args.user, user)) return null;
    switch (e.eventName) {
      case 'BalanceUpdated':
        return { ...at, service, kind: 'balance', provider: e.args.provider };
      case 'RefundRequested':
        return { ...at, service, kind: 'refund-requested', provider: e.args.provider };
      case 'AccountDeleted':
        return { ...at, service, kind: 'deleted', provider: e.args.provider, amount: e.args.refundedAmount };
      case 'FeesSettled':
        return { ...at, service, kind: 'settled', provider: e.args.provider, amount: e.args.fee };
      case 'TEESettlementResult':
        // 0 success, 1 partial. Anyone can make the contract emit a failed result naming any user
        // (a settlement whose provider is not the sender), so a failure alone is no entry.
        return { ...at, service, kind: e.args.status <= 1 ? 'settled' : 'settle-failed' };
      default:
        return null;
    }
  } catch {
    return null; // another event of these contracts
  }
}

export interface Call {
  type: string;
  amount: bigint | null;
  provider: Address | null;
  service: HistoryService;
  /** The ledger names the serving contract by a string; its events say which one it was. */
  viaServing?: boolean;
}

/** What a transaction to one of the contracts asked for, decoded from its input; null for anything else. */
export function decodeCall(c: ContractAddresses, to: Address | null, input: Hex, value: bigint): Call | null {
  const service = to ? serviceAt(c, to) : null;
  try {
    if (service === 'ledger') {
      const call = decodeFunctionData({ abi: ledgerAbi, data: input });
      const none = { amount: null, provider: null, service };
      switch (call.functionName) {
        case 'addLedger':
          return { ...none, type: 'Create ledger', amount: value };
        case 'depositFund':
          return { ...none, type: 'Deposit', amount: value };
        case 'refund':
          return { ...none, type: 'Withdraw to wallet', amount: call.args[0] };
        case 'transferFund':
          return {
            ...none,
            type: 'Transfer to provider',
            amount: call.args[2],
            provider: call.args[0],
            viaServing: true,
          };
        case 'retrieveFund': {
          const [providers] = call.args;
          const provider = providers.length === 1 ? (providers[0] ?? null) : null;
          return { ...none, type: 'Retrieve from providers', provider, viaServing: true };
        }
        case 'deleteLedger':
          return { ...none, type: 'Delete ledger' };
        default:
          return null;
      }
    }
    if (service === 'inference' || service === 'fine-tuning') {
      const call =
        service === 'inference'
          ? decodeFunctionData({ abi: inferenceAbi, data: input })
          : decodeFunctionData({ abi: fineTuningAbi, data: input });
      if (call.functionName !== 'acknowledgeTEESigner') return null;
      const [provider, acknowledged] = call.args;
      const type = acknowledged ? 'Acknowledge provider' : 'Withdraw acknowledgement';
      return { type, amount: null, provider, service };
    }
  } catch {
    // Input that is none of these functions.
  }
  return null;
}

const sum = (xs: Array<bigint | null>) => xs.reduce<bigint>((a, x) => a + (x ?? 0n), 0n);

/** The entry's words from its call (when known) and its events; null when nothing happened to the user's funds. */
export function describe(call: Call | null, evs: Ev[], label: string | null, to: HistoryService | null) {
  const providers = [...new Set(evs.flatMap((e) => (e.provider ? [e.provider] : [])))];
  const provider = providers.length === 1 ? (providers[0] ?? null) : null;
  const services = [...new Set(evs.map((e) => e.service))];
  const service = services.length === 1 ? services[0] : undefined;
  if (call) {
    const routed = call.viaServing && service ? service : call.service;
    return { type: call.type, amount: call.amount, provider: call.provider ?? provider, service: routed };
  }
  const spent = evs.filter((e) => e.kind === 'spent');
  if (spent.length > 0 || evs.some((e) => e.kind === 'settled')) {
    // FundSpent is what left the ledger; FeesSettled's fee is the fallback.
    const amount = spent.length > 0 ? sum(spent.map((e) => e.amount)) : sum(evs.map((e) => e.amount));
    return { type: 'Fees settled', amount, provider, service: service ?? 'inference' };
  }
  const has = (kind: Ev['kind']) => evs.some((e) => e.kind === kind);
  const base = { provider, service: service ?? to ?? 'ledger' };
  if (label) return { ...base, type: label, amount: null };
  if (has('deleted'))
    return {
      ...base,
      type: 'Sub-account deleted',
      amount: sum(evs.filter((e) => e.kind === 'deleted').map((e) => e.amount)),
    };
  if (has('refund-requested')) return { ...base, type: 'Retrieve from providers', amount: null };
  if (has('balance')) return { ...base, type: 'Sub-account balance updated', amount: null };
  return null;
}
