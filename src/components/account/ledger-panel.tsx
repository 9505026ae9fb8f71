import type { Address } from 'viem';
import { useWalletBalance } from '../../hooks/wallet/use-wallet-balance';
import { checkDeposit, checkFirstDeposit, checkRefund, MIN_LEDGER } from '../../lib/account/rules';
import { ledgerAbi } from '../../lib/chain/abi';
import type { LedgerInfo } from '../../lib/chain/ledger-reads';
import { NEURON_PER_OG, og } from '../../lib/units';
import { useContractTx } from '../../hooks/chain/use-contract-tx';
import { useNetwork } from '../../hooks/network/use-network';
import { Button } from '../ui/button';
import { Panel } from '../ui/panel';
import { AmountForm } from './amount-form';

const OG = NEURON_PER_OG;

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div>
      <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
      {hint && <dd className="text-xs text-zinc-500 dark:text-zinc-400">{hint}</dd>}
    </div>
  );
}

/** The ledger: balances beside the wallet's, the first deposit that creates it, deposits and withdrawals. */
export function LedgerPanel({ user, ledger }: { user: Address; ledger: LedgerInfo | null }) {
  const { network } = useNetwork();
  const wallet = useWalletBalance(user);
  const walletBalance = wallet.data ?? 0n;
  const { send, pending } = useContractTx();
  const contract = { address: network.contracts.ledger, abi: ledgerAbi };

  return (
    <Panel title="Ledger">
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Figure label="Wallet" value={wallet.data ? og(walletBalance) : '…'} hint="native 0G, not in the ledger" />
        <Figure label="Ledger total" value={ledger ? og(ledger.total) : '—'} />
        <Figure label="Locked in sub-accounts" value={ledger ? og(ledger.locked) : '—'} />
        <Figure label="Available" value={ledger ? og(ledger.available) : '—'} hint="can be transferred or withdrawn" />
      </dl>
      {!ledger ? (
        <div className="mt-5 flex flex-col gap-2">
          <h3 className="font-medium">Create your ledger</h3>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Inference is paid from an on-chain ledger. The first deposit creates it and must be at least{' '}
            {og(MIN_LEDGER)} (the contract minimum).
          </p>
          <AmountForm
            check={(t) => checkFirstDeposit(t, walletBalance)}
            presets={[3n * OG, 5n * OG, 10n * OG]}
            submitLabel="Create ledger"
            disabled={pending !== null}
            onSubmit={(value) => send({ ...contract, functionName: 'addLedger', args: [''], value }, 'Create ledger')}
          />
        </div>
      ) : (
        <div className="mt-5 grid gap-6 lg:grid-cols-2">
          <section aria-labelledby="deposit-title" className="flex flex-col gap-2">
            <h3 id="deposit-title" className="font-medium">
              Deposit from your wallet
            </h3>
            <AmountForm
              check={(t) => checkDeposit(t, walletBalance)}
              presets={[1n * OG, 5n * OG]}
              submitLabel="Deposit"
              disabled={pending !== null}
              onSubmit={(value) => send({ ...contract, functionName: 'depositFund', value }, 'Deposit')}
            />
          </section>
          <section aria-labelledby="withdraw-title" className="flex flex-col gap-2">
            <h3 id="withdraw-title" className="font-medium">
              Withdraw to your wallet
            </h3>
            <AmountForm
              check={(t) => checkRefund(t, ledger.available)}
              submitLabel="Withdraw"
              disabled={pending !== null}
              hint={`Only the available balance can be withdrawn, and what stays must be 0 or at least ${og(MIN_LEDGER)}.`}
              onSubmit={(value) => send({ ...contract, functionName: 'refund', args: [value] }, 'Withdraw to wallet')}
            />
            {ledger.locked === 0n && ledger.available > 0n && (
              <Button
                variant="secondary"
                className="self-start"
                disabled={pending !== null}
                onClick={() =>
                  void send({ ...contract, functionName: 'refund', args: [ledger.available] }, 'Withdraw all and close')
                }
              >
                Withdraw all ({og(ledger.available)}) and close
              </Button>
            )}
            {ledger.locked > 0n && (
              <p className="text-xs text-zinc-500 dark:text-zinc-400">
                To close the ledger, retrieve the {og(ledger.locked)} locked in sub-accounts first.
              </p>
            )}
          </section>
        </div>
      )}
    </Panel>
  );
}
