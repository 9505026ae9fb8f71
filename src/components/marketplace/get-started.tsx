import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '../../config/routes';
import { useGetStarted } from '../../hooks/onboarding/use-get-started';
import { usableBalance } from '../../lib/chain/ledger-reads';
import { shortAddress } from '../../lib/format';
import { MIN_LEDGER } from '../../lib/account/rules';
import { og } from '../../lib/units';
import { FundButton } from '../account/fund-button';
import { SetupStep } from '../build/setup-step';
import { Button } from '../ui/button';
import { ButtonLink } from '../ui/button-link';
import { LazyWalletDialog } from '../wallet/lazy-wallet-dialog';

const LINK = 'text-violet-700 underline dark:text-violet-300';

/**
 * "Get started": wallet, a ledger, a funded provider, a first verified answer, each read from the
 * live state with its action beside it. Gone once all four are done, or when dismissed.
 */
export function GetStarted({ networkName }: { networkName: string }) {
  const g = useGetStarted();
  const [connecting, setConnecting] = useState(false);
  if (!g.shown) return null;
  const { steps } = g;
  // The first open step's action is the filled one; the others are there but quieter.
  const next = (['wallet', 'ledger', 'funded', 'verified'] as const).find((s) => steps[s] !== 'done');
  const look = (step: typeof next) => (next === step ? 'primary' : 'secondary');
  const unread = `Could not read it from ${networkName}; trying again.`;
  const first = g.funded[0];
  const suggested = g.suggestion?.service;

  return (
    <section
      aria-labelledby="get-started-title"
      className="rounded-xl border border-violet-200 bg-violet-50/40 p-4 dark:border-violet-900 dark:bg-violet-950/20"
    >
      <div className="mb-4 flex items-start justify-between gap-3">
        <div>
          <h2 id="get-started-title" className="font-semibold">
            Get started
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {g.done} of 4 done: from a wallet to your first verified answer. Nothing is ever funded automatically.
          </p>
        </div>
        <Button variant="ghost" size="sm" onClick={g.dismiss}>
          Dismiss<span className="sr-only"> the Get started checklist</span>
        </Button>
      </div>
      <ol aria-label="Get started steps" className="grid gap-4 md:grid-cols-2">
        <SetupStep n={1} title="Wallet connected" status={steps.wallet}>
          {g.address ? (
            <p>
              Connected as <span className="font-mono">{shortAddress(g.address)}</span>.
            </p>
          ) : (
            <>
              <p>Browsing needs no wallet; paying a provider does. Connect the one you will pay from.</p>
              <Button size="sm" onClick={() => setConnecting(true)}>
                Connect a wallet
              </Button>
              <LazyWalletDialog open={connecting} onClose={() => setConnecting(false)} />
            </>
          )}
        </SetupStep>

        <SetupStep n={2} title={`A ledger with at least ${og(MIN_LEDGER)}`} status={steps.ledger}>
          {steps.ledger === 'done' && g.ledger ? (
            <p>
              Your ledger holds {og(g.ledger.total)}, {og(g.ledger.available)} of it available to move to providers.
            </p>
          ) : steps.ledger === 'checking' ? (
            <p>Reading your ledger…</p>
          ) : steps.ledger === 'unknown' ? (
            <p>{unread}</p>
          ) : g.ledger ? (
            <p>
              Your ledger holds {og(g.ledger.total)}, under {og(MIN_LEDGER)}. Deposit more on the{' '}
              <Link to={paths.account} className={LINK}>
                Account page
              </Link>
              .
            </p>
          ) : (
            <>
              <p>
                Providers are paid from an on-chain ledger, made with a first deposit of at least {og(MIN_LEDGER)} (the
                contract minimum).
              </p>
              {g.address && (
                <FundButton size="sm" variant={look('ledger')} label="Create ledger" target={{ kind: 'ledger' }} />
              )}
            </>
          )}
        </SetupStep>

        <SetupStep n={3} title="A provider funded" status={steps.funded}>
          {steps.funded === 'done' && first ? (
            <p>
              {g.modelOf(first.provider) ?? shortAddress(first.provider)} has {og(usableBalance(first))} it can charge
              {g.funded.length > 1 ? `, and ${g.funded.length - 1} more provider${g.funded.length > 2 ? 's' : ''}` : ''}
              .
            </p>
          ) : steps.funded === 'checking' ? (
            <p>Reading your sub-accounts…</p>
          ) : steps.funded === 'unknown' ? (
            <p>{unread}</p>
          ) : (
            <>
              <p>
                A provider charges its own sub-account of your ledger (a new one needs at least 1 0G). Each transfer is
                a transaction you sign{g.address && !g.ledger ? '; without a ledger the dialog creates it first' : ''}.
              </p>
              {g.address && suggested && (
                <p>
                  Suggested chat provider: <span className="break-words">{suggested.model}</span>.{' '}
                  {g.suggestion?.note && <span className="text-zinc-600 dark:text-zinc-400">{g.suggestion.note}</span>}
                </p>
              )}
              {g.address && (
                <FundButton
                  size="sm"
                  variant={look('funded')}
                  label="Fund a provider"
                  target={suggested ? { kind: 'inference', provider: suggested.provider } : undefined}
                />
              )}
            </>
          )}
        </SetupStep>

        <SetupStep n={4} title="A first verified answer" status={steps.verified}>
          {steps.verified === 'done' ? (
            <p>Your first answer arrived verified.</p>
          ) : g.chatProvider ? (
            <>
              <p>
                Ask {g.modelOf(g.chatProvider) ?? 'your provider'} anything. Every answer is checked against the
                provider&apos;s TEE signature and marked “Verified” when it holds.
              </p>
              <ButtonLink to={paths.studio('chatbot', g.chatProvider) ?? paths.chat} size="sm">
                Ask your first question
              </ButtonLink>
            </>
          ) : steps.funded === 'done' && g.address ? (
            <>
              <p>None of your funded providers chats. Fund a chat provider to ask a question.</p>
              <FundButton
                size="sm"
                label="Fund a chat provider"
                target={suggested ? { kind: 'inference', provider: suggested.provider } : undefined}
              />
            </>
          ) : (
            <p>Ask a funded chat provider a question: its answer is checked against its TEE signature.</p>
          )}
        </SetupStep>
      </ol>
    </section>
  );
}
