import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { isAddressEqual, type Address } from 'viem';
import { useAccount, useClient } from 'wagmi';
import { defaultProvider } from '../../lib/inference/default-provider';
import {
  fundedSubAccounts,
  getStartedSteps,
  hideGetStarted,
  ledgerEnough,
  onGetStartedHidden,
  readGetStartedHidden,
  type GetStartedKey,
} from '../../lib/onboarding';
import { contractFactsQueryOptions, ledgerQueryOptions, subAccountsQueryOptions } from '../account/use-account-data';
import { useActivity } from '../inference/use-activity';
import { useServices } from '../marketplace/use-services';
import { useNetwork } from '../network/use-network';

// While the checklist shows an open step, the user may be finishing it elsewhere (another tab, the
// CLI): the reads are repeated now and then until the step is done. Transactions sent from this app
// refresh them at once (the transaction helper invalidates the account queries after the receipt).
const POLL_MS = 10_000;

/**
 * The marketplace's Get started checklist for the connected wallet on the shown network, read live:
 * its steps, the chat provider suggested for funding, and whether it still shows (it hides for good,
 * per wallet and network, once dismissed or all done).
 */
export function useGetStarted() {
  const { network } = useNetwork();
  const { address, status } = useAccount();
  const connected = address !== undefined && status === 'connected';
  const chainId = network.chain.id;
  const key = useMemo<GetStartedKey>(
    () => ({ chainId, user: connected ? address : null }),
    [chainId, connected, address],
  );
  const hidden = useSyncExternalStore(onGetStartedHidden, () => readGetStartedHidden(key));
  const poll = connected && hidden === null;

  const client = useClient({ chainId });
  const facts = useQuery(contractFactsQueryOptions(network, client));
  const ledger = useQuery({
    ...ledgerQueryOptions(network, address, client),
    refetchInterval: (q) => (poll && !ledgerEnough(q.state.data) ? POLL_MS : false),
  });
  const subAccounts = useQuery({
    ...subAccountsQueryOptions(network, address, client, facts.data?.lockTimes),
    refetchInterval: (q) => (poll && fundedSubAccounts(q.state.data).length === 0 ? POLL_MS : false),
  });
  const services = useServices();
  const { activity } = useActivity();
  const chatServices = useMemo(() => (services.data ?? []).filter((s) => s.serviceType === 'chatbot'), [services.data]);

  const state = getStartedSteps({
    connected,
    ledger,
    // The sub-accounts wait for the contracts' lock times; a failure to read those is a failure to read them.
    subAccounts: facts.isError ? { status: 'error', data: undefined } : subAccounts,
    firstVerifiedAt: connected ? (activity?.firstVerifiedAt ?? null) : null,
    chatProviders: chatServices.map((s) => s.provider),
    lastChat: activity?.last.chatbot?.provider,
  });
  const suggestion = defaultProvider(chatServices, activity, subAccounts.data);

  // Done once is done: a ledger that later drops under 3 0G by paying providers does not bring it back.
  useEffect(() => {
    if (state.allDone && key.user) hideGetStarted(key, 'done');
  }, [state.allDone, key]);

  const dismiss = useCallback(() => hideGetStarted(key, 'dismissed'), [key]);
  const modelOf = (provider: Address) => services.data?.find((s) => isAddressEqual(s.provider, provider))?.model;

  return {
    ...state,
    address: connected ? address : undefined,
    shown: hidden === null && !state.allDone,
    dismiss,
    suggestion,
    modelOf,
  };
}
