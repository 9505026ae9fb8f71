import { checkTransfer, MIN_NEW_SUB_ACCOUNT, transferSplit } from '../../lib/account/rules';
import { usableBalance, type SubAccount } from '../../lib/chain/ledger-reads';
import { NEURON_PER_OG, og } from '../../lib/units';
import { AmountForm } from './amount-form';

const OG = NEURON_PER_OG;

/**
 * The Fund dialog with a ledger: what the ledger and the chosen sub-account hold, then one transfer.
 * A transfer first cancels the sub-account's pending refund, and the form says how much of it does.
 */
export function TransferForm({
  available,
  existing,
  chosen,
  busy,
  transfer,
}: {
  available: bigint;
  /** The sub-account with the chosen provider, if there is one yet. */
  existing: SubAccount | undefined;
  /** The `kind:address` chosen, or '' for none (then only the balances show). */
  chosen: string;
  busy: boolean;
  transfer: (value: bigint) => Promise<unknown>;
}) {
  const pendingRefund = existing?.pendingRefund ?? 0n;
  return (
    <>
      <p className="text-zinc-600 dark:text-zinc-400">
        Ledger available: <strong className="tabular-nums">{og(available)}</strong>.{' '}
        {existing
          ? `This sub-account holds ${og(usableBalance(existing))}${pendingRefund > 0n ? ` plus ${og(pendingRefund)} being retrieved` : ''}.`
          : chosen
            ? `This opens a new sub-account: at least ${og(MIN_NEW_SUB_ACCOUNT)}.`
            : ''}
      </p>
      {chosen && (
        <AmountForm
          key={chosen}
          check={(t) => checkTransfer(t, { available, pendingRefund, exists: existing !== undefined })}
          presets={[1n * OG, 2n * OG, 5n * OG]}
          submitLabel="Transfer"
          disabled={busy}
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
          onSubmit={transfer}
        />
      )}
    </>
  );
}
