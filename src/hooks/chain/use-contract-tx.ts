import { useRef, useState } from 'react';
import type { Abi } from 'viem';
import { useAccount, useClient, useConfig } from 'wagmi';
import { getConnectorClient } from 'wagmi/actions';
import { rememberTx } from '../../lib/account/sent-txs';
import { explorerTxUrl } from '../../lib/chain/networks';
import { sendContractTx, type ContractCall, type TxResult, type WriteFunctionName } from '../../lib/chain/tx';
import { toAppError } from '../../lib/errors';
import { shortAddress } from '../../lib/format';
import { useRefreshAccount } from '../account/use-account-data';
import { useNetwork } from '../network/use-network';
import { useToast } from '../ui/use-toast';

// Each transaction's toast key: unique across every hook instance on the page.
let txCount = 0;

/**
 * Sends one contract transaction from the connected wallet and tells the user how it went in one
 * toast, updated in place: pending (hash, explorer link), then confirmed or reverted (with the
 * reason); a neutral "cancelled in wallet" when the user said no. A second call while one is in
 * flight is ignored (double clicks send once). Balances are refetched after the receipt, never before.
 */
export function useContractTx() {
  const config = useConfig();
  const { network } = useNetwork();
  const { address } = useAccount();
  const publicClient = useClient({ chainId: network.chain.id });
  const refresh = useRefreshAccount();
  const toast = useToast();
  const inFlight = useRef(false);
  const [pending, setPending] = useState<string | null>(null);

  // Generic like viem's writeContract, so a call's function name and arguments are checked against its ABI.
  async function send<const abi extends Abi, functionName extends WriteFunctionName<abi>>(
    call: ContractCall<abi, functionName>,
    label: string,
  ): Promise<TxResult | null> {
    if (inFlight.current || !publicClient || !address) return null;
    inFlight.current = true;
    setPending(label);
    const key = `tx-${++txCount}`;
    let sentHash: string | null = null;
    let link: { label: string; href: string } | undefined;
    try {
      const walletClient = await getConnectorClient(config, { chainId: network.chain.id, account: address });
      const result = await sendContractTx({ publicClient, walletClient }, call, (hash) => {
        sentHash = hash;
        rememberTx({ chainId: network.chain.id, from: address, hash, label });
        const href = explorerTxUrl(network, hash);
        link = href ? { label: 'View on explorer', href } : undefined;
        toast({
          key,
          pending: true,
          title: `${label}: sent, waiting for confirmation`,
          description: `Transaction ${shortAddress(hash)}`,
          link,
          tone: 'info',
        });
      });
      await refresh();
      if (result.status === 'confirmed') toast({ key, title: `${label}: confirmed`, link, tone: 'success' });
      else {
        const why = result.reason ? toAppError(result.reason) : null;
        toast({
          key,
          title: `${label}: reverted on chain`,
          description: `${why?.kind === 'reverted' ? why.message : 'The contract refused it.'} Only gas was spent; balances are shown as the chain has them.`,
          details: why?.details,
          link,
          tone: 'error',
        });
      }
      return result;
    } catch (err) {
      const e = toAppError(err);
      // Whatever happened, show balances as the chain has them now.
      void refresh();
      if (sentHash)
        toast({
          key,
          title: `${label}: sent, but its confirmation could not be read`,
          description: `${e.message} Check the transaction history before trying again.`,
          details: e.details,
          link,
          tone: 'error',
        });
      else if (e.kind === 'user-rejected')
        toast({ key, title: 'Cancelled in wallet', description: 'Nothing was sent.', tone: 'neutral' });
      else toast({ key, title: `${label}: not sent`, description: e.message, details: e.details, tone: 'error' });
      return null;
    } finally {
      inFlight.current = false;
      setPending(null);
    }
  }

  return { send, pending };
}
