import { useState } from 'react';
import { MIN_LEDGER, MIN_NEW_SUB_ACCOUNT } from '../../lib/account/rules';
import type { TxResult } from '../../lib/chain/tx';
import { checkCreateAndFund } from '../../lib/onboarding';
import { og } from '../../lib/units';
import { Button } from '../ui/button';
import { Field } from '../ui/field';
import { AmountInput } from './amount-form';

type Phase = 'idle' | 'ledger' | 'transfer';

export interface CreateAndFundOutcome {
  funded: boolean;
  /** What to tell the user when the ledger was made but the provider was not funded. */
  ledgerMade: string | null;
}

/**
 * "Create ledger with X 0G and fund this provider with Y 0G": both amounts checked before the
 * wallet opens, then two transactions through the one helper, with where it stands in between.
 * A transfer that does not happen leaves the ledger made, and the parent says so.
 */
export function CreateAndFundForm(props: {
  providerName: string;
  walletBalance: bigint;
  subAccountExists: boolean;
  busy: boolean;
  onStart: () => void;
  createLedger: (value: bigint) => Promise<TxResult | null>;
  transfer: (value: bigint) => Promise<TxResult | null>;
  onFinish: (outcome: CreateAndFundOutcome) => void;
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
    let outcome: CreateAndFundOutcome = { funded: false, ledgerMade: null };
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
  const warning = check.ok ? check.warning : check.transfer.ok ? check.transfer.warning : undefined;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="flex flex-col gap-3">
      <Field
        label="Deposit into the new ledger"
        error={touched && !check.ok && !check.ledger.ok ? check.ledger.error : null}
        hint={`At least ${og(MIN_LEDGER)}, from your wallet (${og(props.walletBalance)}).`}
      >
        {(control) => (
          <AmountInput
            {...control}
            value={ledgerText}
            disabled={running}
            onChange={(e) => setLedgerText(e.target.value)}
          />
        )}
      </Field>
      <Field
        label="Transfer to this provider"
        error={touched && !check.ok && !check.transfer.ok ? check.transfer.error : null}
        hint={
          <>
            {warning && <p className="text-amber-800 dark:text-amber-300">{warning}</p>}
            <p>
              Out of that deposit
              {props.subAccountExists ? '' : `; a new sub-account needs at least ${og(MIN_NEW_SUB_ACCOUNT)}`}. The rest
              stays in your ledger.
            </p>
          </>
        }
      >
        {(control) => (
          <AmountInput
            {...control}
            value={transferText}
            disabled={running}
            onChange={(e) => setTransferText(e.target.value)}
          />
        )}
      </Field>
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
