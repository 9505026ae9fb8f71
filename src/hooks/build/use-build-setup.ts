import { useQuery } from '@tanstack/react-query';
import type { Address } from 'viem';
import { useAccount, useClient } from 'wagmi';
import { setupSteps, type Setup } from '../../lib/build/setup';
import { inferenceSubAccount, usableBalance } from '../../lib/chain/ledger-reads';
import { contractFactsQueryOptions, ledgerQueryOptions, subAccountsQueryOptions } from '../account/use-account-data';
import { useNetwork } from '../network/use-network';

// While a step is open the user is likely finishing it elsewhere (the account page in another tab, the
// CLI), so the checklist re-reads the chain every few seconds until the step is done, then stops.
const POLL_MS = 4_000;

/** The Build page's checklist for one provider on the shown network, from the connected wallet's live state. */
export function useBuildSetup(provider: Address): Setup & { address: Address | undefined } {
  const { network } = useNetwork();
  const { address, status } = useAccount();
  const client = useClient({ chainId: network.chain.id });
  const facts = useQuery(contractFactsQueryOptions(network, client));
  const ledger = useQuery({
    ...ledgerQueryOptions(network, address, client),
    refetchInterval: (q) => (q.state.data ? false : POLL_MS),
  });
  const subAccounts = useQuery({
    ...subAccountsQueryOptions(network, address, client, facts.data?.lockTimes),
    refetchInterval: (q) => (usableBalance(inferenceSubAccount(q.state.data, provider)) > 0n ? false : POLL_MS),
  });
  const setup = setupSteps({
    connected: address !== undefined && status === 'connected',
    provider,
    ledger,
    // The sub-accounts wait for the contracts' lock times; a failure to read those is a failure to read them.
    subAccounts: facts.isError ? { status: 'error', data: undefined } : subAccounts,
  });
  return { ...setup, address };
}
