import { lazy, Suspense, useState } from 'react';
import { useAccount } from 'wagmi';
import { shortAddress } from '../../lib/format';
import { Button } from '../ui/button';
import { useFocusTarget } from './focus-target';
import { LazyWalletDialog } from './lazy-wallet-dialog';

// The account menu (balance read, disconnect, copy) loads once a wallet is connected: a first visit has none.
const AccountMenu = lazy(() => import('./account-menu').then((m) => ({ default: m.AccountMenu })));

/** "Connect wallet" until a wallet is connected, then the account menu. */
export function ConnectButton() {
  const { address, status } = useAccount();
  if (address && status === 'connected')
    return (
      <Suspense
        fallback={
          // The menu's button as it will look, until its code is in.
          <Button variant="secondary" size="sm" disabled className="font-mono">
            {shortAddress(address)}
            <span className="sr-only">account {address}</span>
          </Button>
        }
      >
        <AccountMenu address={address} />
      </Suspense>
    );
  return <ConnectWallet reconnecting={status === 'reconnecting'} />;
}

// Its own component so it mounts again after a disconnect, and can take focus then.
function ConnectWallet({ reconnecting }: { reconnecting: boolean }) {
  const [open, setOpen] = useState(false);
  const focusTarget = useFocusTarget('connect-button');
  return (
    <>
      <Button {...focusTarget} size="sm" onClick={() => setOpen(true)} disabled={reconnecting}>
        Connect wallet
      </Button>
      <LazyWalletDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
