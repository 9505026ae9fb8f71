import { useAccount } from 'wagmi';
import { useNetwork } from '../../hooks/network/use-network';
import { useSwitchNetwork } from '../../hooks/wallet/use-switch-network';
import { Button } from '../ui/button';

/** Explains a wallet on another chain than the one shown, and offers the switch. */
export function WrongNetworkBanner() {
  const { network } = useNetwork();
  const { isConnected, chainId, chain } = useAccount();
  const { switchTo, isPending } = useSwitchNetwork();
  if (!isConnected || chainId === undefined || chainId === network.chain.id) return null;
  return (
    <div role="alert" className="border-b border-amber-300 bg-amber-50 dark:border-amber-900 dark:bg-amber-950">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-2 text-sm">
        <p className="flex-1">
          Your wallet is on <strong>{chain?.name ?? `chain ${chainId}`}</strong>, but this page shows{' '}
          <strong>{network.chain.name}</strong>. Browsing works; anything you sign or send needs the wallet on{' '}
          {network.chain.name}.
        </p>
        <Button size="sm" onClick={() => void switchTo(network)} disabled={isPending}>
          Switch wallet to {network.chain.name}
        </Button>
      </div>
    </div>
  );
}
