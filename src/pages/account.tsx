import { useSearchParams } from 'react-router';
import { getAddress, isAddress } from 'viem';
import { useAccount } from 'wagmi';
import { FundDialog } from '../components/account/fund-dialog';
import { HistoryTable } from '../components/account/history-table';
import { LedgerPanel } from '../components/account/ledger-panel';
import { MoneyPicture } from '../components/account/money-picture';
import { SubAccountsPanel } from '../components/account/sub-accounts-panel';
import { AccountKeysPanel } from '../components/api-keys/account-keys-panel';
import { QueryError } from '../components/ui/query-error';
import { ConnectButton } from '../components/wallet/connect-button';
import { UsagePanel } from '../components/usage/usage-panel';
import { useAccountData, useRetryAccountReads } from '../hooks/account/use-account-data';
import { useNetwork } from '../hooks/network/use-network';
import { useWalletBalance } from '../hooks/wallet/use-wallet-balance';

export function AccountPage() {
  const { network } = useNetwork();
  const { address, chainId } = useAccount();
  const { facts, ledger, subAccounts } = useAccountData(address);
  const wallet = useWalletBalance(address);
  const retryReads = useRetryAccountReads();
  const [params, setParams] = useSearchParams();
  const fund = params.get('fund');
  const fundTarget = fund && isAddress(fund) ? { kind: 'inference' as const, provider: getAddress(fund) } : undefined;

  const header = (
    <div>
      <h1 id="page-title" className="text-2xl font-semibold">
        Account
      </h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Your ledger on {network.chain.name} and the sub-account you hold with each provider. Every transfer is a wallet
        transaction you choose; nothing is funded automatically.
      </p>
    </div>
  );

  if (!address)
    return (
      <section aria-labelledby="page-title" className="flex flex-col gap-4">
        {header}
        <div className="flex flex-col items-start gap-3 rounded-xl border border-dashed border-zinc-300 p-6 dark:border-zinc-700">
          <p>Connect a wallet to see your ledger and sub-accounts.</p>
          <ConnectButton />
        </div>
      </section>
    );

  const error = facts.error ?? ledger.error ?? subAccounts.error;
  const retry = () => void retryReads();

  return (
    <section aria-labelledby="page-title" className="flex flex-col gap-5">
      {header}
      {chainId !== network.chain.id && (
        <p className="text-sm text-amber-800 dark:text-amber-300">
          Showing {network.chain.name}; switch the wallet to it before sending anything.
        </p>
      )}
      {error ? (
        <QueryError what={`your account on ${network.chain.name}`} error={error} onRetry={retry} />
      ) : ledger.isSuccess && facts.isSuccess && subAccounts.isSuccess ? (
        <>
          <LedgerPanel user={address} ledger={ledger.data} />
          <MoneyPicture wallet={wallet.data ?? 0n} ledger={ledger.data} accounts={subAccounts.data} />
          <SubAccountsPanel accounts={subAccounts.data} serviceNames={facts.data.names} onRefresh={retry} />
        </>
      ) : (
        <p role="status" className="text-sm text-zinc-500 dark:text-zinc-400">
          Reading your ledger from {network.chain.name}…
        </p>
      )}
      <UsagePanel user={address} />
      <AccountKeysPanel />
      <HistoryTable user={address} />
      <FundDialog
        open={fundTarget !== undefined}
        target={fundTarget}
        onClose={() => {
          params.delete('fund');
          setParams(params, { replace: true });
        }}
      />
    </section>
  );
}
