import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { numberToHex } from 'viem';
import type { Manifest } from '../devnet/manifest';
import {
  createKeyWallet,
  ProviderRpcError,
  type Eip1193RequestArgs,
  type KeyWallet,
  type KeyWalletChain,
  type KeyWalletEvent,
} from '../src/lib/chain/key-wallet';
import { dispatchProviderEvent, installPageProvider, type BridgeReply } from './page-provider';

/** Methods a real wallet shows the user a prompt for: `requests` records them and `reject` can refuse them. */
export const PROMPTING_METHODS = [
  'eth_requestAccounts',
  'wallet_requestPermissions',
  'wallet_switchEthereumChain',
  'wallet_addEthereumChain',
  'personal_sign',
  'eth_signTypedData_v4',
  'eth_sendTransaction',
] as const;
export type PromptingMethod = (typeof PROMPTING_METHODS)[number];

export interface WalletRequest {
  method: PromptingMethod;
  params: unknown;
}

export interface InstallOptions {
  /** Index into manifest.accounts; default 1 (account 0 is the app's own devnet "Dev wallet"). */
  account?: number;
  /** Start as already connected to the site (a returning user); default false, like a fresh MetaMask. */
  connected?: boolean;
  /** Also set window.ethereum; default false (EIP-6963 only). */
  windowEthereum?: boolean;
}

const BINDING = '__e2eWalletRequest';
const EMITTER = '__e2eWalletEmit';
const ICON = `data:image/svg+xml;base64,${Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#0e7490"/><text x="16" y="21" font-size="11" text-anchor="middle" fill="#fff" font-family="sans-serif">E2E</text></svg>',
).toString('base64')}`;
const isPrompting = (method: string): method is PromptingMethod =>
  (PROMPTING_METHODS as readonly string[]).includes(method);
const unauthorized = () => new ProviderRpcError(4100, 'The requested method has not been authorized by the user.');

/**
 * "E2E Wallet": the key stays in the test process; the page gets a thin EIP-1193 provider that
 * forwards each request here. Like MetaMask it knows only the devnet at first, hides accounts until
 * the site connects, and answers every prompt at once (approve, or 4001 after `reject`).
 */
export class TestWallet {
  /** Every request that would have shown a wallet prompt, in order, including rejected ones. */
  readonly requests: WalletRequest[] = [];
  private readonly manifest: Manifest;
  private readonly chains: KeyWalletChain[];
  private readonly pages = new Set<Page>();
  private readonly rejections = new Map<string, number>();
  private readonly uuid = randomUUID();
  private key: KeyWallet | undefined;
  private accountIndex: number | undefined;
  private connected = false;

  constructor(manifest: Manifest) {
    this.manifest = manifest;
    this.chains = [{ id: manifest.chainId, rpcUrl: manifest.rpcUrl }];
  }

  /** Installs the wallet in a page; call it before page.goto so the provider exists before the app's scripts. */
  async install(page: Page, { account, connected = false, windowEthereum = false }: InstallOptions = {}) {
    if (this.pages.has(page)) throw new Error('The E2E Wallet is already installed in this page');
    if (this.key && account !== undefined && account !== this.accountIndex)
      throw new Error('The wallet already has an account: use wallet.switchAccount() to change it');
    this.key ??= this.keyFor(account ?? 1, this.manifest.chainId);
    this.connected ||= connected;
    this.pages.add(page);
    page.once('close', () => this.pages.delete(page));
    await page.exposeBinding(BINDING, (_source, args: Eip1193RequestArgs) => this.handle(args));
    const info = { uuid: this.uuid, name: 'E2E Wallet', icon: ICON, rdns: 'dev.e2e.wallet' };
    await page.addInitScript(installPageProvider, { info, binding: BINDING, emitter: EMITTER, windowEthereum });
  }

  /** The selected account's address. */
  get address(): `0x${string}` {
    return this.installed().address;
  }

  /** The chain the wallet is on. */
  get chainId(): number {
    return this.installed().chainId();
  }

  /** Makes the next `times` requests of `method` fail with 4001, as if the user clicked Reject. */
  reject(method: PromptingMethod, times = 1): void {
    this.rejections.set(method, (this.rejections.get(method) ?? 0) + times);
  }

  rejectNext(method: PromptingMethod): void {
    this.reject(method, 1);
  }

  /** Switches to another manifest account, keeping the chain, and tells the page (accountsChanged). */
  async switchAccount(index: number): Promise<void> {
    this.key = this.keyFor(index, this.key?.chainId() ?? this.manifest.chainId);
    await this.emit('accountsChanged', this.connected ? [this.key.address] : []);
  }

  /** Dispatches a provider event to the listeners in every page the wallet is installed in. */
  async emit(event: KeyWalletEvent, payload: unknown): Promise<void> {
    const send = (page: Page) =>
      // A page that is closing or navigating has no listeners left to tell.
      page.evaluate(dispatchProviderEvent, [EMITTER, event, payload] as [string, string, unknown]).catch(() => {});
    await Promise.all([...this.pages].map(send));
  }

  private keyFor(index: number, chainId: number): KeyWallet {
    const account = this.manifest.accounts[index];
    if (!account) throw new Error(`The devnet has no account ${index}`);
    this.accountIndex = index;
    return createKeyWallet({ privateKey: account.privateKey as `0x${string}`, chains: this.chains, chainId });
  }

  private installed(): KeyWallet {
    if (!this.key) throw new Error('Call wallet.install(page) first');
    return this.key;
  }

  private async handle({ method, params }: Eip1193RequestArgs): Promise<BridgeReply> {
    const key = this.installed();
    if (isPrompting(method)) this.requests.push({ method, params });
    try {
      const left = this.rejections.get(method) ?? 0;
      if (left > 0) {
        this.rejections.set(method, left - 1);
        throw new ProviderRpcError(4001, 'User rejected the request.');
      }
      const before = key.chainId();
      const result = await this.answer(key, { method, params });
      if (key.chainId() !== before) await this.emit('chainChanged', numberToHex(key.chainId()));
      return { result };
    } catch (e) {
      const { code = -32603, message = String(e), data } = e as Partial<ProviderRpcError>;
      return { error: data === undefined ? { code, message } : { code, message, data } };
    }
  }

  // What MetaMask adds on top of the key: the site sees no account and may not sign until it has connected.
  private async answer(key: KeyWallet, args: Eip1193RequestArgs): Promise<unknown> {
    switch (args.method) {
      case 'eth_accounts':
        return this.connected ? [key.address] : [];
      case 'wallet_getPermissions':
        return this.connected ? key.request(args) : [];
      case 'eth_requestAccounts':
      case 'wallet_requestPermissions': {
        const result = await key.request(args);
        this.connected = true;
        return result;
      }
      case 'wallet_revokePermissions':
        this.connected = false;
        await this.emit('accountsChanged', []);
        return null;
      case 'personal_sign':
      case 'eth_signTypedData_v4':
      case 'eth_sendTransaction':
        if (!this.connected) throw unauthorized();
        return key.request(args);
      case 'wallet_addEthereumChain': {
        const result = await key.request(args);
        // Remembered here too, so a switchAccount() keeps the chains the user added.
        const [chain] = args.params as [{ chainId: string; rpcUrls: [string] }];
        const id = Number(chain.chainId);
        if (!this.chains.some((c) => c.id === id)) this.chains.push({ id, rpcUrl: chain.rpcUrls[0] });
        return result;
      }
      default:
        return key.request(args);
    }
  }
}
