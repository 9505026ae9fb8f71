import { og } from './units';

export type AppErrorKind =
  | 'user-rejected'
  | 'insufficient-funds'
  | 'reverted'
  | 'wrong-network'
  | 'rate-limited'
  | 'provider-http'
  | 'network'
  | 'unknown';

export interface AppError {
  kind: AppErrorKind;
  /** One plain sentence for the headline. */
  message: string;
  /** The raw text, for a "details" disclosure. */
  details: string;
}

/** Why a call to a fine-tuning provider's HTTP API failed; `message` is a plain sentence. */
export class ProviderHttpError extends Error {
  override readonly name = 'ProviderHttpError';
  readonly kind: 'unreachable' | 'refused' | 'malformed' | 'cancelled';
  readonly status: number | null;
  readonly code?: string;
  /** The raw text (status, provider body) for a "details" disclosure. */
  readonly details: string;

  constructor(
    kind: ProviderHttpError['kind'],
    message: string,
    opts: { status?: number | null; code?: string; details?: string; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.kind = kind;
    this.status = opts.status ?? null;
    if (opts.code !== undefined) this.code = opts.code;
    this.details = opts.details ?? message;
  }
}

/** The AppError for a provider failure: its own sentence, except where the kind says it all. */
function providerAppError(e: ProviderHttpError): AppError {
  const details = e.details;
  switch (e.kind) {
    case 'unreachable':
      // A cut download carries its own sentence (how far it got, that it can be retried).
      return {
        kind: 'network',
        message: e.code === 'cut' ? e.message : 'The provider could not be reached. Check the connection and retry.',
        details,
      };
    case 'cancelled':
      return { kind: 'provider-http', message: 'Stopped: the request to the provider was cancelled.', details };
    default:
      if (e.status === 429)
        return {
          kind: 'rate-limited',
          message: 'The provider is busy with your requests. Wait a moment and retry.',
          details,
        };
      return { kind: 'provider-http', message: e.message, details };
  }
}

interface ErrorLike {
  code?: unknown;
  data?: { errorName?: unknown; args?: readonly unknown[] };
  name?: unknown;
  message?: unknown;
  shortMessage?: unknown;
  reason?: unknown;
  cause?: unknown;
  error?: unknown;
  info?: { error?: unknown };
}

/** Walks an error and its causes (viem `cause`, ethers `error`/`info.error`), at most 8 deep. */
function chain(err: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let e: unknown = err;
  while (e && typeof e === 'object' && out.length < 8) {
    const x = e as ErrorLike;
    out.push(x);
    e = x.cause ?? x.error ?? x.info?.error;
  }
  return out;
}

/** What was thrown, as its own sentence: for errors the app wrote itself (a ProofError, say), which need no classifying. */
export const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));

const text = (e: ErrorLike) => `${String(e.name ?? '')} ${String(e.message ?? '')}`;

/** Classifies anything thrown by a wallet, viem, ethers, the SDK or fetch into a kind and a sentence. */
export function toAppError(err: unknown): AppError {
  const links = chain(err);
  const details = errorMessage(err);
  const has = (test: (e: ErrorLike) => boolean) => links.some(test);
  const provider = links.find((e): e is ProviderHttpError => e instanceof ProviderHttpError);
  if (provider) return providerAppError(provider);
  if (
    has(
      (e) =>
        e.code === 4001 ||
        e.code === 'ACTION_REJECTED' ||
        /UserRejectedRequest|user rejected|user denied/i.test(text(e)),
    )
  )
    return { kind: 'user-rejected', message: 'Dismissed in the wallet. Nothing was sent.', details };
  if (has((e) => /insufficient funds|InsufficientFundsError|doesn't have enough funds/i.test(text(e))))
    return { kind: 'insufficient-funds', message: 'The wallet does not have enough 0G for this and its gas.', details };
  if (has((e) => /ChainMismatch|does not match the (target chain|connection's chain)|wrong network/i.test(text(e))))
    return { kind: 'wrong-network', message: 'The wallet is on another network. Switch it and try again.', details };
  if (has((e) => /\b429\b|too many requests|rate limit/i.test(text(e))))
    return {
      kind: 'rate-limited',
      message: 'The provider is busy with your requests. Wait a moment and retry.',
      details,
    };
  const custom = links.find((e) => typeof e.data?.errorName === 'string');
  if (custom?.data) {
    const name = String(custom.data.errorName);
    return { kind: 'reverted', message: revertSentence(name, custom.data.args ?? []), details };
  }
  const reverted = links.find((e) => /revert/i.test(text(e)));
  if (reverted) {
    const reason = typeof reverted.reason === 'string' ? reverted.reason : String(reverted.shortMessage ?? '');
    return {
      kind: 'reverted',
      message: `The contract refused the transaction${reason ? `: ${reason}` : '.'}`,
      details,
    };
  }
  if (has((e) => /HttpRequestError|Failed to fetch|NetworkError|fetch failed|ECONNREFUSED|timed? ?out/i.test(text(e))))
    return { kind: 'network', message: 'Could not reach the network. Check the connection and retry.', details };
  return { kind: 'unknown', message: 'Something went wrong.', details };
}

// Revert arguments are decoded from untrusted data: only a bigint is an amount.
const amount = (v: unknown) => (typeof v === 'bigint' ? og(v) : String(v));

/** Plain sentences for the 0G contracts' custom errors; anything else names the error. */
function revertSentence(name: string, args: readonly unknown[]): string {
  switch (name) {
    case 'MinimumDepositRequired':
      return `The contract refused: it needs at least ${amount(args[1])} here (got ${amount(args[0])}).`;
    case 'InsufficientAvailableBalance':
      return `The contract refused: the ledger has ${amount(args[0])} available, ${amount(args[1])} is needed.`;
    case 'InsufficientBalance':
      return 'The contract refused: not enough balance for this.';
    case 'LedgerExists':
      return 'A ledger already exists for this account; deposit into it instead.';
    case 'LedgerNotExists':
    case 'LedgerNotFound':
      return 'There is no ledger for this account yet; create one with a first deposit.';
    default:
      return `The contract refused the transaction (${name}).`;
  }
}
