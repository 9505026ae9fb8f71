import { useAccount, useDisconnect, useSwitchChain } from 'wagmi';
import { DEV_WALLET_RDNS } from '../../lib/chain/dev-wallet';
import type { Network } from '../../lib/chain/networks';
import { toAppError } from '../../lib/errors';
import { useNetwork } from '../network/use-network';
import { useToast } from '../ui/use-toast';

/**
 * Moves the app to a network. Without a wallet only the view changes; with one, the wallet is
 * asked to switch (and to add the chain if it does not know it) and the view follows when it
 * agrees. The Dev wallet exists only on the devnet, so leaving the devnet disconnects it.
 */
export function useSwitchNetwork() {
  const { network, setNetwork } = useNetwork();
  const { isConnected, chainId, connector } = useAccount();
  const { switchChainAsync, isPending } = useSwitchChain();
  const { disconnectAsync } = useDisconnect();
  const toast = useToast();

  async function switchTo(target: Network): Promise<void> {
    if (!isConnected || chainId === target.chain.id) return setNetwork(target);
    if (connector?.id === DEV_WALLET_RDNS && target.kind !== 'devnet') {
      await disconnectAsync();
      toast({
        title: 'Dev wallet disconnected',
        description: 'The Dev wallet works only on the local devnet.',
        tone: 'neutral',
      });
      return setNetwork(target);
    }
    try {
      await switchChainAsync({ chainId: target.chain.id });
      setNetwork(target);
    } catch (err) {
      const e = toAppError(err);
      if (e.kind === 'user-rejected') {
        toast({ title: 'Network switch dismissed', description: `Still on ${network.chain.name}.`, tone: 'neutral' });
      } else {
        toast({
          title: `The wallet could not switch to ${target.chain.name}`,
          description: e.message,
          details: e.details,
          tone: 'error',
        });
      }
    }
  }

  return { switchTo, isPending };
}
