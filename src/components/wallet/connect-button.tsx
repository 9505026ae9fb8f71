import { useState } from 'react';
import { useAccount } from 'wagmi';
import { Button } from '../ui/button';
import { AccountMenu } from './account-menu';
import { useFocusTarget } from './focus-target';
import { WalletDialog } from './wallet-dialog';

/** "Connect wallet" until a wallet is connected, then the account menu. */
export function ConnectButton() {
  const { address, status } = useAccount();
  if (address && status === 'connected') return <AccountMenu address={address} />;
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
      <WalletDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
