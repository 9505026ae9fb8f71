import { useState } from 'react';
import { Link } from 'react-router';
import type { Address } from 'viem';
import { useAccount } from 'wagmi';
import { paths } from '../../config/routes';
import { checkTransfer, transferSplit } from '../../lib/account/rules';
import { ledgerAbi } from '../../lib/chain/abi';
import { usableBalance, type SubAccountKind } from '../../lib/chain/ledger-reads';
import { shortAddress } from '../../lib/format';
import { formatOg, NEURON_PER_OG } from '../../lib/units';
import { useAccountData } from '../../hooks/account/use-account-data';
import { useContractTx } from '../../hooks/chain/use-contract-tx';
import { useFineTuningServices, useServices } from '../../hooks/marketplace/use-services';
import { useNetwork } from '../../hooks/network/use-network';
import { Dialog } from '../ui/dialog';
import { AmountForm } from './amount-form';

const OG = NEURON_PER_OG;
const og = (v: bigint) => `${formatOg(v, 6)} 0G`;

export interface FundTarget {
  kind: SubAccountKind;
  provider: Address;
}

/**
 * "Fund": a manual transfer from the ledger to one provider sub-account, always a wallet
 * transaction the user chose. The same dialog opens from the marketplace, a provider page and
 * the account page.
 */
export function FundDialog({ open, onClose, target }: { open: boolean; onClose: () => void; target?: FundTarget }) {
  return (
    <Dialog open={open} onClose={onClose} title="Fund a provider" className="w-[min(34rem,calc(100vw-2rem))]">
      {open && <FundForm target={target} onDone={onClose} />}
    </Dialog>
  );
}

function FundForm({ target, onDone }: { target?: FundTarget; onDone: () => void }) {
  const { network } = useNetwork();
  const { address, chainId } = useAccount();
  const { facts, ledger, subAccounts } = useAccountData(address);
  const services = useServices();
  const ftServices = useFineTuningServices();
  const [choice, setChoice] = useState(target ? `${target.kind}:${target.provider}` : '');
  const { send, pending } = useContractTx();

  if (!address) return <p className="text-sm">Connect a wallet first: a transfer is a transaction you sign.</p>;
  if (chainId !== network.chain.id)
    return <p className="text-sm">Switch the wallet to {network.chain.name} first (see the banner above).</p>;
  if (ledger.isPending || facts.isPending || subAccounts.isPending)
    return <p className="text-sm">Loading your ledger…</p>;
  if (ledger.isError || facts.isError || subAccounts.isError)
    return <p className="text-sm">Could not read your ledger from {network.chain.name}. Close this and retry.</p>;
  if (!ledger.data)
    return (
      <p className="text-sm">
        You have no ledger on {network.chain.name} yet. Create one with a first deposit on the{' '}
        <Link to={paths.account} onClick={onDone} className="text-violet-700 underline dark:text-violet-300">
          Account page
        </Link>
        , then fund providers from it.
      </p>
    );

  const [kind, provider] = choice.split(':') as [SubAccountKind | '', Address | undefined];
  const existing = subAccounts.data.find(
    (s) => s.kind === kind && s.provider.toLowerCase() === provider?.toLowerCase(),
  );
  const available = ledger.data.available;
  const pendingRefund = existing?.pendingRefund ?? 0n;

  return (
    <div className="flex flex-col gap-4 text-sm">
      <label className="flex flex-col gap-1">
        <span className="font-medium">Provider</span>
        <select
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
          className="h-10 rounded-lg border border-zinc-300 bg-white px-2 dark:border-zinc-700 dark:bg-zinc-900"
        >
          <option value="">Choose a provider…</option>
          <optgroup label="Inference">
            {(services.data ?? []).map((s) => (
              <option key={s.provider} value={`inference:${s.provider}`}>
                {s.model} — {shortAddress(s.provider)}
              </option>
            ))}
          </optgroup>
          <optgroup label="Fine-tuning">
            {(ftServices.data ?? []).map((s) => (
              <option key={s.provider} value={`fine-tuning:${s.provider}`}>
                {s.models.join(', ')} — {shortAddress(s.provider)}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <p className="text-zinc-600 dark:text-zinc-400">
        Ledger available: <strong className="tabular-nums">{og(available)}</strong>.{' '}
        {existing
          ? `This sub-account holds ${og(usableBalance(existing))}${existing.pendingRefund > 0n ? ` plus ${og(existing.pendingRefund)} being retrieved` : ''}.`
          : provider
            ? 'This opens a new sub-account: at least 1 0G.'
            : ''}
      </p>
      {kind && provider && (
        <AmountForm
          key={choice}
          check={(t) => checkTransfer(t, { available, pendingRefund, exists: existing !== undefined })}
          presets={[1n * OG, 2n * OG, 5n * OG]}
          submitLabel="Transfer"
          disabled={pending !== null}
          explain={(value) => {
            const split = transferSplit(value, pendingRefund);
            return split.fromRefund > 0n ? (
              <p className="text-zinc-600 dark:text-zinc-400">
                {og(split.fromRefund)} cancels the pending refund of this sub-account; {og(split.fromLedger)} moves from
                the ledger.
              </p>
            ) : null;
          }}
          hint="The transfer also acknowledges this provider's TEE signer for your account. Nothing is ever funded automatically."
          onSubmit={async (value) => {
            const result = await send(
              {
                address: network.contracts.ledger,
                abi: ledgerAbi,
                functionName: 'transferFund',
                args: [provider, facts.data.names[kind], value],
              },
              `Transfer ${og(value)} to ${shortAddress(provider)}`,
            );
            if (result?.status === 'confirmed') onDone();
          }}
        />
      )}
    </div>
  );
}
