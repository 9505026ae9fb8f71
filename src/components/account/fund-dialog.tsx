import { useState } from 'react';
import { isAddressEqual, type Address } from 'viem';
import { useAccount } from 'wagmi';
import { useWalletBalance } from '../../hooks/wallet/use-wallet-balance';
import { checkFirstDeposit, MIN_LEDGER } from '../../lib/account/rules';
import { ledgerAbi } from '../../lib/chain/abi';
import type { SubAccountKind } from '../../lib/chain/ledger-reads';
import type { TxResult } from '../../lib/chain/tx';
import { shortAddress } from '../../lib/format';
import { NEURON_PER_OG, og } from '../../lib/units';
import { useAccountData } from '../../hooks/account/use-account-data';
import { useContractTx } from '../../hooks/chain/use-contract-tx';
import { useActivity } from '../../hooks/inference/use-activity';
import { useFineTuningServices, useServices } from '../../hooks/marketplace/use-services';
import { useNetwork } from '../../hooks/network/use-network';
import { Dialog } from '../ui/dialog';
import { AmountForm } from './amount-form';
import { CreateAndFundForm } from './create-and-fund-form';
import { FundProviderSelect } from './fund-provider-select';
import { TransferForm } from './transfer-form';

const OG = NEURON_PER_OG;

/** Who the dialog funds: one provider sub-account, or only the ledger (created with a first deposit). */
export type FundTarget = { kind: SubAccountKind; provider: Address } | { kind: 'ledger' };

/**
 * "Fund": a manual transfer from the ledger to one provider sub-account, always a wallet
 * transaction the user chose. Without a ledger it creates one first, in place. The same dialog
 * opens from the marketplace, its Get started checklist, a provider page and the account page.
 */
export function FundDialog({ open, onClose, target }: { open: boolean; onClose: () => void; target?: FundTarget }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={target?.kind === 'ledger' ? 'Create your ledger' : 'Fund a provider'}
      className="w-[min(34rem,calc(100vw-2rem))]"
    >
      {open && <FundForm target={target} onDone={onClose} />}
    </Dialog>
  );
}

function FundForm({ target, onDone }: { target?: FundTarget; onDone: () => void }) {
  const { network } = useNetwork();
  const { address, chainId } = useAccount();
  const { facts, ledger, subAccounts } = useAccountData(address);
  const wallet = useWalletBalance(address);
  const services = useServices();
  const ftServices = useFineTuningServices();
  const [choice, setChoice] = useState(target && target.kind !== 'ledger' ? `${target.kind}:${target.provider}` : '');
  // True while "create the ledger, then fund" runs: the ledger appears halfway, the two-step form stays.
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { send, pending } = useContractTx();
  const { noteFunded } = useActivity();

  if (!address) return <p className="text-sm">Connect a wallet first: a transfer is a transaction you sign.</p>;
  if (chainId !== network.chain.id)
    return <p className="text-sm">Switch the wallet to {network.chain.name} first (see the banner above).</p>;
  if (ledger.isPending || facts.isPending || subAccounts.isPending || (!ledger.data && wallet.isPending))
    return <p className="text-sm">Loading your ledger…</p>;
  if (ledger.isError || facts.isError || subAccounts.isError || (!ledger.data && wallet.isError))
    return <p className="text-sm">Could not read your ledger from {network.chain.name}. Close this and retry.</p>;

  const walletBalance = wallet.data ?? 0n;
  const contract = { address: network.contracts.ledger, abi: ledgerAbi };
  const [kind, provider] = choice.split(':') as [SubAccountKind | '', Address | undefined];
  const existing = subAccounts.data.find((s) => s.kind === kind && !!provider && isAddressEqual(s.provider, provider));
  const providerName =
    (kind === 'inference' && services.data?.find((s) => provider && isAddressEqual(s.provider, provider))?.model) ||
    (provider ? shortAddress(provider) : '');

  /** One transfer through the one transaction helper; a confirmed one to an inference provider is remembered. */
  const transfer = async (value: bigint): Promise<TxResult | null> => {
    if (!kind || !provider) return null;
    const result = await send(
      { ...contract, functionName: 'transferFund', args: [provider, facts.data.names[kind], value] },
      `Transfer ${og(value)} to ${shortAddress(provider)}`,
    );
    const type = services.data?.find((s) => isAddressEqual(s.provider, provider))?.serviceType;
    if (result?.status === 'confirmed' && kind === 'inference' && type) noteFunded(type, provider);
    return result;
  };

  if (target?.kind === 'ledger' && !ledger.data && !creating)
    return (
      <div className="flex flex-col gap-3 text-sm">
        <p className="text-zinc-600 dark:text-zinc-400">
          Providers are paid from an on-chain ledger on {network.chain.name}. Your first deposit creates it and must be
          at least {og(MIN_LEDGER)} (the contract minimum). Your wallet holds {og(walletBalance)}.
        </p>
        <AmountForm
          check={(t) => checkFirstDeposit(t, walletBalance)}
          presets={[3n * OG, 5n * OG, 10n * OG]}
          submitLabel="Create ledger"
          disabled={pending !== null}
          hint="One wallet transaction. Nothing moves to any provider until you fund one."
          onSubmit={async (value) => {
            const result = await send({ ...contract, functionName: 'addLedger', args: [''], value }, 'Create ledger');
            if (result?.status === 'confirmed') onDone();
          }}
        />
      </div>
    );

  const twoStep = !ledger.data || creating;

  return (
    <div className="flex flex-col gap-4 text-sm">
      {notice && (
        <p
          role="status"
          className="rounded-lg border border-zinc-300 bg-zinc-50 p-3 dark:border-zinc-700 dark:bg-zinc-950"
        >
          {notice}
        </p>
      )}
      {twoStep && (
        <p className="text-zinc-600 dark:text-zinc-400">
          You have no ledger on {network.chain.name} yet. Providers are paid from it, and a new one needs at least{' '}
          {og(MIN_LEDGER)} (the contract minimum). One step below creates it and funds this provider: two wallet
          transactions, the deposit and then the transfer.
        </p>
      )}
      <FundProviderSelect
        value={choice}
        onChange={setChoice}
        disabled={creating}
        services={services.data ?? []}
        fineTuning={ftServices.data ?? []}
      />
      {twoStep ? (
        kind &&
        provider && (
          <CreateAndFundForm
            key={choice}
            providerName={providerName}
            walletBalance={walletBalance}
            subAccountExists={existing !== undefined}
            busy={pending !== null}
            onStart={() => {
              setNotice(null);
              setCreating(true);
            }}
            createLedger={(value) =>
              send({ ...contract, functionName: 'addLedger', args: [''], value }, 'Create ledger')
            }
            transfer={transfer}
            onFinish={(outcome) => {
              setCreating(false);
              if (outcome.funded) onDone();
              else if (outcome.ledgerMade) setNotice(outcome.ledgerMade);
            }}
          />
        )
      ) : (
        <TransferForm
          available={ledger.data?.available ?? 0n}
          existing={existing}
          chosen={kind && provider ? choice : ''}
          busy={pending !== null}
          transfer={async (value) => {
            const result = await transfer(value);
            if (result?.status === 'confirmed') onDone();
          }}
        />
      )}
    </div>
  );
}
