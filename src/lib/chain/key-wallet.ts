import { isHex, numberToHex, type AccessList, type Hex, type TypedDataDefinition } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { sameAddress } from '../address';

export interface KeyWalletChain {
  id: number;
  rpcUrl: string;
}

export interface KeyWalletOptions {
  privateKey: `0x${string}`;
  chains: KeyWalletChain[];
  chainId: number;
}

export interface Eip1193RequestArgs {
  method: string;
  params?: unknown;
}

export type KeyWalletEvent = 'accountsChanged' | 'chainChanged' | 'connect' | 'disconnect';

export interface KeyWallet {
  address: `0x${string}`;
  chainId(): number;
  request(args: Eip1193RequestArgs): Promise<unknown>;
  on(event: KeyWalletEvent, listener: (payload: unknown) => void): void;
  removeListener(event: KeyWalletEvent, listener: (payload: unknown) => void): void;
}

/** EIP-1193 error: 4001 user rejected, 4100 unauthorized, 4902 unknown chain; -32601 unknown method. */
export class ProviderRpcError extends Error {
  code: number;
  data?: unknown;
  constructor(code: number, message: string, data?: unknown) {
    super(message);
    this.name = 'ProviderRpcError';
    this.code = code;
    if (data !== undefined) this.data = data;
  }
}

type HexField = 'value' | 'data' | 'input' | 'gas' | 'nonce' | 'type' | 'chainId' | 'gasPrice' | 'maxFeePerGas';
/** eth_sendTransaction's parameter as dapps send it: every number is a hex string, every field optional. */
type TxRequest = Partial<Record<HexField | 'maxPriorityFeePerGas', Hex>> & {
  from?: string;
  to?: Hex | null;
  accessList?: AccessList;
};

interface RpcReply {
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

const invalid = (message: string) => new ProviderRpcError(-32602, message);

function parseChainId(value: unknown): number {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]+$/.test(value)) throw invalid('chainId must be a hex string');
  return Number(value);
}

/**
 * An EIP-1193 provider that holds one private key: the devnet's in-app "Dev wallet" and the e2e test
 * wallet. It signs locally and sends everything else to the current chain's RPC, like a browser wallet.
 */
export function createKeyWallet(opts: KeyWalletOptions): KeyWallet {
  const account = privateKeyToAccount(opts.privateKey);
  const chains = new Map(opts.chains.map((c) => [c.id, c.rpcUrl]));
  if (!chains.has(opts.chainId)) throw new Error(`Chain ${opts.chainId} is not among the wallet's chains`);
  let chainId = opts.chainId;
  let rpcId = 0;
  let txQueue: Promise<unknown> = Promise.resolve();
  const listeners = new Map<KeyWalletEvent, Set<(payload: unknown) => void>>();
  const permissions = () => [
    { parentCapability: 'eth_accounts', caveats: [{ type: 'restrictReturnedAccounts', value: [account.address] }] },
  ];

  const assertOwn = (address: unknown) => {
    if (typeof address !== 'string' || !sameAddress(address, account.address))
      throw new ProviderRpcError(4100, 'The requested account has not been authorized by the user.');
  };

  // Plain fetch rather than a viem client: the RPC's own error code and revert data must reach the caller unchanged.
  async function rpc<T>(method: string, params: unknown = []): Promise<T> {
    const url = chains.get(chainId) as string;
    let reply: RpcReply;
    try {
      const body = JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method, params });
      const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      reply = (await res.json()) as RpcReply;
    } catch (e) {
      throw new ProviderRpcError(-32603, `RPC request to ${url} failed: ${(e as Error).message}`);
    }
    if (reply.error) throw new ProviderRpcError(reply.error.code, reply.error.message, reply.error.data);
    return reply.result as T;
  }

  const sendRaw = (raw: Hex) => rpc<Hex>('eth_sendRawTransaction', [raw]);

  function switchTo(id: number): null {
    if (!chains.has(id)) throw new ProviderRpcError(4902, `Unrecognized chain ID ${numberToHex(id)}. Add it first.`);
    if (id !== chainId) {
      chainId = id;
      listeners.get('chainChanged')?.forEach((l) => l(numberToHex(id)));
    }
    return null;
  }

  async function sendTransaction(tx: TxRequest): Promise<Hex> {
    if (tx.from !== undefined) assertOwn(tx.from);
    if (tx.chainId !== undefined && parseChainId(tx.chainId) !== chainId)
      throw invalid('chainId is not the current chain');
    const data = tx.data ?? tx.input;
    const call = { from: account.address, to: tx.to ?? undefined, value: tx.value, data };
    const [nonce, gas, block] = await Promise.all([
      tx.nonce ?? rpc<Hex>('eth_getTransactionCount', [account.address, 'pending']),
      tx.gas ?? rpc<Hex>('eth_estimateGas', [call]),
      rpc<{ baseFeePerGas?: Hex } | null>('eth_getBlockByNumber', ['latest', false]),
    ]);
    const fields = {
      chainId,
      nonce: Number(nonce),
      gas: BigInt(gas),
      to: tx.to ?? undefined,
      value: tx.value === undefined ? undefined : BigInt(tx.value),
      data,
    };
    // EIP-1559 when the tx asks for it or the chain has a base fee; a legacy gas price otherwise.
    const legacy = tx.gasPrice !== undefined || tx.type === '0x0' || (!tx.maxFeePerGas && !block?.baseFeePerGas);
    if (legacy) {
      const gasPrice = BigInt(tx.gasPrice ?? (await rpc<Hex>('eth_gasPrice')));
      return sendRaw(await account.signTransaction({ ...fields, type: 'legacy', gasPrice }));
    }
    const tip = BigInt(tx.maxPriorityFeePerGas ?? (await rpc<Hex>('eth_maxPriorityFeePerGas')));
    const maxFeePerGas = tx.maxFeePerGas ? BigInt(tx.maxFeePerGas) : BigInt(block?.baseFeePerGas ?? 0) * 2n + tip;
    const maxPriorityFeePerGas = tip < maxFeePerGas ? tip : maxFeePerGas;
    const fees = { type: 'eip1559', maxFeePerGas, maxPriorityFeePerGas, accessList: tx.accessList } as const;
    return sendRaw(await account.signTransaction({ ...fields, ...fees }));
  }

  async function request({ method, params }: Eip1193RequestArgs): Promise<unknown> {
    const p: unknown[] = Array.isArray(params) ? params : [];
    switch (method) {
      case 'eth_requestAccounts':
      case 'eth_accounts':
        return [account.address];
      case 'eth_chainId':
        return numberToHex(chainId);
      case 'net_version':
        return String(chainId);
      case 'wallet_switchEthereumChain':
        return switchTo(parseChainId((p[0] as { chainId?: unknown } | undefined)?.chainId));
      case 'wallet_addEthereumChain': {
        const chain = p[0] as { chainId?: unknown; rpcUrls?: unknown } | undefined;
        const id = parseChainId(chain?.chainId);
        const url: unknown = Array.isArray(chain?.rpcUrls) ? chain.rpcUrls[0] : undefined;
        if (typeof url !== 'string' || !/^https?:\/\//.test(url)) throw invalid('rpcUrls[0] must be an http(s) URL');
        // A chain the wallet already knows keeps its RPC, as MetaMask does; either way it then switches.
        if (!chains.has(id)) chains.set(id, url);
        return switchTo(id);
      }
      case 'wallet_requestPermissions':
      case 'wallet_getPermissions':
        return permissions();
      case 'wallet_revokePermissions':
        return null;
      case 'personal_sign': {
        const [message, address] = p;
        assertOwn(address);
        if (typeof message !== 'string') throw invalid('personal_sign needs a message');
        return account.signMessage({ message: isHex(message) ? { raw: message } : message });
      }
      case 'eth_signTypedData_v4': {
        const [address, json] = p;
        assertOwn(address);
        const typed = (typeof json === 'string' ? JSON.parse(json) : json) as TypedDataDefinition & {
          types: Record<string, unknown>;
        };
        const { EIP712Domain: _domain, ...types } = typed.types;
        return account.signTypedData({ ...typed, types } as TypedDataDefinition);
      }
      case 'eth_sendTransaction': {
        // One at a time, so two quick sends never read the same pending nonce.
        const sent = txQueue.then(() => sendTransaction((p[0] ?? {}) as TxRequest));
        txQueue = sent.catch(() => undefined);
        return sent;
      }
      default:
        // The RPC node may hold unlocked keys of its own: signing must never be forwarded to it.
        // -32601 ("method not found"), as wallets answer: viem then keeps the original error of a
        // failed eth_sendTransaction instead of reporting its wallet_sendTransaction retry.
        if (/^(eth_sign|personal_|wallet_)/.test(method))
          throw new ProviderRpcError(-32601, `The wallet does not support ${method}.`);
        return rpc(method, params ?? []);
    }
  }

  return {
    address: account.address,
    chainId: () => chainId,
    request,
    on: (event, listener) => void listeners.set(event, (listeners.get(event) ?? new Set()).add(listener)),
    removeListener: (event, listener) => void listeners.get(event)?.delete(listener),
  };
}
