import { useId, useState } from 'react';
import { isAddressEqual, type Address } from 'viem';
import { useAccount, useBalance } from 'wagmi';
import {
  checkFirstDeposit,
  checkTransfer,
  MIN_LEDGER,
  MIN_NEW_SUB_ACCOUNT,
  transferSplit,
} from '../../lib/account/rules';
import { ledgerAbi } from '../../lib/chain/abi';
import { usableBalance, type SubAccountKind } from '../../lib/chain/ledger-reads';
import type { TxResult } from '../../lib/chain/tx';
import { shortAddress } from '../../lib/format';
import { checkCreateAndFund } from '../../lib/onboarding';
import { NEURON_PER_OG, og } from '../../lib/units';
import { useAccountData } from '../../hooks/account/use-account-data';
import { useContractTx } from '../../hooks/chain/use-contract-tx';
import { useActivity } from '../../hooks/inference/use-activity';
import { useFineTuningServices, useServices } from '../../hooks/marketplace/use-services';
import { useNetwork } from '../../hooks/network/use-network';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { AmountForm } from './amount-form';

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
  const wallet = useBalance({ address, chainId: network.chain.id, query: { staleTime: 15_000 } });
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

  const walletBalance = wallet.data?.value ?? 0n;
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

  const available = ledger.data?.available ?? 0n;
  const pendingRefund = existing?.pendingRefund ?? 0n;
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
      <label className="flex flex-col gap-1">
        <span className="font-medium">Provider</span>
        <select
          value={choice}
          disabled={creating}
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
      {twoStep ? (
        kind &&
        provider && (
          <CreateAndFund
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
        <>
          <p className="text-zinc-600 dark:text-zinc-400">
            Ledger available: <strong className="tabular-nums">{og(available)}</strong>.{' '}
            {existing
              ? `This sub-account holds ${og(usableBalance(existing))}${existing.pendingRefund > 0n ? ` plus ${og(existing.pendingRefund)} being retrieved` : ''}.`
              : provider
                ? `This opens a new sub-account: at least ${og(MIN_NEW_SUB_ACCOUNT)}.`
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
                    {og(split.fromRefund)} cancels the pending refund of this sub-account; {og(split.fromLedger)} moves
                    from the ledger.
                  </p>
                ) : null;
              }}
              hint="The transfer also acknowledges this provider's TEE signer for your account. Nothing is ever funded automatically."
              onSubmit={async (value) => {
                const result = await transfer(value);
                if (result?.status === 'confirmed') onDone();
              }}
            />
          )}
        </>
      )}
    </div>
  );
}

type Phase = 'idle' | 'ledger' | 'transfer';

/**
 * "Create ledger with X 0G and fund this provider with Y 0G": both amounts checked before the
 * wallet opens, then two transactions through the one helper, with where it stands in between.
 * A transfer that does not happen leaves the ledger made, and the parent says so.
 */
function CreateAndFund(props: {
  providerName: string;
  walletBalance: bigint;
  subAccountExists: boolean;
  busy: boolean;
  onStart: () => void;
  createLedger: (value: bigint) => Promise<TxResult | null>;
  transfer: (value: bigint) => Promise<TxResult | null>;
  onFinish: (outcome: { funded: boolean; ledgerMade: string | null }) => void;
}) {
  const [ledgerText, setLedgerText] = useState('');
  const [transferText, setTransferText] = useState('');
  const [touched, setTouched] = useState(false);
  const [phase, setPhase] = useState<Phase>('idle');
  const [line, setLine] = useState<string | null>(null);
  const check = checkCreateAndFund(ledgerText, transferText, {
    wallet: props.walletBalance,
    subAccountExists: props.subAccountExists,
  });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!check.ok || phase !== 'idle' || props.busy) return;
    const { ledger, transfer } = check;
    setLine(null);
    setPhase('ledger');
    props.onStart();
    let outcome: { funded: boolean; ledgerMade: string | null } = { funded: false, ledgerMade: null };
    try {
      const made = await props.createLedger(ledger);
      if (made?.status !== 'confirmed') {
        setLine(
          made
            ? 'The contract refused the deposit: no ledger was made and nothing else was sent.'
            : 'Nothing was sent.',
        );
        return;
      }
      setPhase('transfer');
      const moved = await props.transfer(transfer);
      if (moved?.status === 'confirmed') outcome = { funded: true, ledgerMade: null };
      else
        outcome = {
          funded: false,
          ledgerMade: `Your ledger was created with ${og(ledger)}. The transfer of ${og(transfer)} to ${props.providerName} was ${moved ? 'refused by the contract' : 'not made'}, so nothing moved to the provider: the ${og(ledger)} stays in your ledger. Transfer below when you are ready.`,
        };
    } finally {
      setPhase('idle');
      props.onFinish(outcome);
    }
  }

  const running = phase !== 'idle';
  const stepState = (step: 'ledger' | 'transfer') =>
    phase === step ? 'waiting for your wallet, then the chain…' : phase === 'transfer' ? 'done' : 'next';
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="flex flex-col gap-3">
      <Field
        label="Deposit into the new ledger"
        text={ledgerText}
        onText={setLedgerText}
        error={touched && !check.ok && !check.ledger.ok ? check.ledger.error : null}
        hint={`At least ${og(MIN_LEDGER)}, from your wallet (${og(props.walletBalance)}).`}
        disabled={running}
      />
      <Field
        label="Transfer to this provider"
        text={transferText}
        onText={setTransferText}
        error={touched && !check.ok && !check.transfer.ok ? check.transfer.error : null}
        warning={check.ok ? check.warning : check.transfer.ok ? check.transfer.warning : undefined}
        hint={`Out of that deposit${props.subAccountExists ? '' : `; a new sub-account needs at least ${og(MIN_NEW_SUB_ACCOUNT)}`}. The rest stays in your ledger.`}
        disabled={running}
      />
      <Button type="submit" className="self-start" disabled={running || props.busy}>
        {check.ok
          ? `Create ledger with ${og(check.ledger)} and fund this provider with ${og(check.transfer)}`
          : 'Create ledger and fund this provider'}
      </Button>
      <div aria-live="polite" className="text-sm">
        {running && check.ok && (
          <ol aria-label="Progress" className="flex flex-col gap-1">
            <li>
              Step 1 of 2, create the ledger with {og(check.ledger)}: {stepState('ledger')}
            </li>
            <li>
              Step 2 of 2, transfer {og(check.transfer)} to {props.providerName}: {stepState('transfer')}
            </li>
          </ol>
        )}
        {line && <p className="text-zinc-600 dark:text-zinc-400">{line}</p>}
        {!running && (
          <p className="text-zinc-600 dark:text-zinc-400">
            The transfer also acknowledges this provider&apos;s TEE signer for your account. Nothing is ever funded
            automatically.
          </p>
        )}
      </div>
    </form>
  );
}

/** One amount in 0G with its rule and its message, read by screen readers with the field. */
function Field(props: {
  label: string;
  text: string;
  onText: (t: string) => void;
  error: string | null;
  warning?: string;
  hint: string;
  disabled: boolean;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {props.label}
      </label>
      <div className="relative">
        <input
          id={id}
          inputMode="decimal"
          autoComplete="off"
          value={props.text}
          disabled={props.disabled}
          onChange={(e) => props.onText(e.target.value)}
          aria-invalid={props.error !== null}
          aria-describedby={`${id}-msg`}
          className="h-10 w-full rounded-lg border border-zinc-300 bg-white px-3 pr-10 tabular-nums aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <span className="pointer-events-none absolute top-2.5 right-3 text-zinc-500 dark:text-zinc-400">0G</span>
      </div>
      <div id={`${id}-msg`}>
        {props.error ? (
          <p className="text-red-700 dark:text-red-400">{props.error}</p>
        ) : props.warning ? (
          <p className="text-amber-800 dark:text-amber-300">{props.warning}</p>
        ) : null}
        <p className="text-zinc-600 dark:text-zinc-400">{props.hint}</p>
      </div>
    </div>
  );
}
