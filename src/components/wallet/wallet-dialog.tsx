import { useConnect, useConnectors, type Connector } from 'wagmi';
import { DEV_WALLET_RDNS } from '../../lib/chain/dev-wallet';
import { toAppError } from '../../lib/errors';
import { safeImageSrc } from '../../lib/safe-url';
import { useNetwork } from '../../hooks/network/use-network';
import { useToast } from '../../hooks/ui/use-toast';
import { Dialog } from '../ui/dialog';
import { requestFocus } from './focus-target';

const isMetaMask = (c: Connector) => c.id === 'io.metamask' || /metamask/i.test(c.name);

/** Every EIP-6963 wallet by its announced name and icon, MetaMask first; the Dev wallet on the devnet only. */
export function WalletDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { network } = useNetwork();
  const connectors = useConnectors()
    .filter((c) => c.id !== DEV_WALLET_RDNS || network.kind === 'devnet')
    .sort((a, b) => Number(isMetaMask(b)) - Number(isMetaMask(a)));
  const { connectAsync, isPending, variables } = useConnect();
  const toast = useToast();

  async function connect(connector: Connector) {
    // The account menu replaces the Connect button once connected: its code loads while the wallet asks.
    void import('./account-menu');
    try {
      await connectAsync({ connector, chainId: network.chain.id });
      onClose();
      // This list and the button that opened it give way to the account button: focus goes there.
      requestFocus('account-button');
    } catch (err) {
      const e = toAppError(err);
      if (e.kind === 'user-rejected') toast({ title: 'Connection dismissed', tone: 'neutral' });
      else
        toast({
          title: `Could not connect ${connector.name}`,
          description: e.message,
          details: e.details,
          tone: 'error',
        });
    }
  }

  return (
    <Dialog open={open} onClose={onClose} title="Connect a wallet">
      {connectors.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No browser wallet was found. Install MetaMask or another wallet that supports EIP-6963, then reload. You can
          keep browsing providers without one.
        </p>
      ) : (
        <ul className="flex flex-col gap-2" aria-label="Wallets">
          {connectors.map((c) => {
            const icon = c.icon ? safeImageSrc(c.icon) : null;
            const busy = isPending && variables?.connector === c;
            return (
              <li key={c.uid}>
                <button
                  type="button"
                  disabled={isPending}
                  onClick={() => void connect(c)}
                  className="flex w-full items-center gap-3 rounded-lg border border-zinc-200 p-3 text-left hover:bg-zinc-50 disabled:opacity-60 dark:border-zinc-800 dark:hover:bg-zinc-800"
                >
                  {icon ? (
                    <img src={icon} alt="" className="size-8 rounded" />
                  ) : (
                    <span aria-hidden="true" className="size-8 rounded bg-zinc-200 dark:bg-zinc-700" />
                  )}
                  <span className="flex-1">
                    <span className="block font-medium">{c.name}</span>
                    {c.id === DEV_WALLET_RDNS && (
                      <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                        A funded devnet account, no install needed
                      </span>
                    )}
                  </span>
                  {busy && <span className="text-xs text-zinc-500 dark:text-zinc-400">Waiting for the wallet…</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </Dialog>
  );
}
