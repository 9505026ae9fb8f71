import type { DevnetConfig } from '../../config/devnet-config';
import type { KeyWallet, KeyWalletEvent } from './key-wallet';

/** EIP-6963 identity of the devnet-only wallet; the wallet list hides it on other networks. */
export const DEV_WALLET_RDNS = 'local.devnet.wallet';

const ICON =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#7c3aed"/><path d="M9 11h14v10H9z" fill="none" stroke="#fff" stroke-width="2"/><circle cx="19" cy="16" r="1.6" fill="#fff"/></svg>',
  );

/**
 * Announces the "Dev wallet" through EIP-6963, so the app connects to it exactly as it does to
 * MetaMask. It signs with a funded devnet account; the signing code loads on first use.
 */
export function announceDevWallet(config: DevnetConfig): void {
  let wallet: Promise<KeyWallet> | undefined;
  const listeners: Array<[KeyWalletEvent, (payload: unknown) => void]> = [];
  const load = () =>
    (wallet ??= import('./key-wallet').then(({ createKeyWallet }) => {
      const w = createKeyWallet({
        privateKey: config.devWallet.privateKey,
        chains: [{ id: config.chainId, rpcUrl: config.rpcUrl }],
        chainId: config.chainId,
      });
      for (const [event, fn] of listeners) w.on(event, fn);
      return w;
    }));
  // Like any wallet, it shows accounts to the site only after the user connected it (remembered
  // across reloads), so a first visit is a visit without a wallet.
  const connectedKey = 'og-marketplace:dev-wallet-connected';
  const setConnected = (on: boolean) => {
    try {
      if (on) localStorage.setItem(connectedKey, '1');
      else localStorage.removeItem(connectedKey);
    } catch {
      // private mode: connected for this visit only
    }
  };
  const isConnected = () => {
    try {
      return localStorage.getItem(connectedKey) === '1';
    } catch {
      return false;
    }
  };
  const provider = {
    request: async (args: { method: string; params?: unknown }) => {
      if (args.method === 'eth_accounts' && !isConnected()) return [];
      if (args.method === 'wallet_revokePermissions') {
        setConnected(false);
        return null;
      }
      const result = await (await load()).request(args);
      if (args.method === 'eth_requestAccounts' || args.method === 'wallet_requestPermissions') setConnected(true);
      return result;
    },
    on(event: KeyWalletEvent, fn: (payload: unknown) => void) {
      listeners.push([event, fn]);
      void wallet?.then((w) => w.on(event, fn));
    },
    removeListener(event: KeyWalletEvent, fn: (payload: unknown) => void) {
      const i = listeners.findIndex(([e, f]) => e === event && f === fn);
      if (i >= 0) listeners.splice(i, 1);
      void wallet?.then((w) => w.removeListener(event, fn));
    },
  };
  const detail = Object.freeze({
    info: { uuid: crypto.randomUUID(), name: 'Dev wallet', icon: ICON, rdns: DEV_WALLET_RDNS },
    provider,
  });
  const announce = () => window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail }));
  window.addEventListener('eip6963:requestProvider', announce);
  announce();
}
