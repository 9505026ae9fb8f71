import { useState } from 'react';
import { useAccount } from 'wagmi';
import { Button } from '../ui/button';
import { AccountMenu } from './account-menu';
import { WalletDialog } from './wallet-dialog';

/** "Connect wallet" until a wallet is connected, then the account menu. */
export function ConnectButton() {
  const { address, status } = useAccount();
  const [open, setOpen] = useState(false);
  if (address && status === 'connected') return <AccountMenu address={address} />;
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)} disabled={status === 'reconnecting'}>
        Connect wallet
      </Button>
      <WalletDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
