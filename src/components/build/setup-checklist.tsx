import { Link } from 'react-router';
import type { Address } from 'viem';
import { paths } from '../../config/routes';
import { useBuildSetup } from '../../hooks/build/use-build-setup';
import { shortAddress } from '../../lib/format';
import { og } from '../../lib/units';
import { FundButton } from '../account/fund-button';
import { Panel } from '../ui/panel';
import { ConnectButton } from '../wallet/connect-button';
import { SecretNote } from './secret-note';
import { SetupStep } from './setup-step';

const link = 'text-violet-700 underline dark:text-violet-300';

/** What the code needs before it runs, read live for the connected wallet: wallet, ledger, a funded sub-account, a secret. */
export function SetupChecklist({ provider, networkName }: { provider: Address; networkName: string }) {
  const s = useBuildSetup(provider);
  const unread = `Could not read it from ${networkName}; trying again.`;
  return (
    <Panel title="Before you run the code">
      <p className="-mt-1 mb-4 text-sm text-zinc-600 dark:text-zinc-400">
        Your state on {networkName}, read from the chain as it changes.
      </p>
      <ol aria-label="Setup" className="flex flex-col gap-4">
        <SetupStep n={1} title="Wallet connected" status={s.wallet}>
          {s.address && s.wallet === 'done' ? (
            <p>
              Connected as <span className="font-mono">{shortAddress(s.address)}</span>: it pays this provider and signs
              its access tokens.
            </p>
          ) : (
            <>
              <p>Connect the wallet that will pay this provider.</p>
              <ConnectButton />
            </>
          )}
        </SetupStep>
        <SetupStep n={2} title="Ledger created" status={s.ledger}>
          {s.ledger === 'done' && s.ledgerInfo ? (
            <p>Your ledger has {og(s.ledgerInfo.available)} available to move to providers.</p>
          ) : s.ledger === 'checking' ? (
            <p>Reading your ledger…</p>
          ) : s.ledger === 'unknown' ? (
            <p>{unread}</p>
          ) : s.wallet === 'done' ? (
            <p>
              You have no ledger on {networkName} yet. Create one on the{' '}
              <Link to={paths.account} className={link}>
                Account page
              </Link>{' '}
              with a first deposit of at least 3 0G.
            </p>
          ) : (
            <p>Your ledger holds the 0G you pay providers from. Connect a wallet first.</p>
          )}
        </SetupStep>
        <SetupStep n={3} title="Sub-account with this provider funded" status={s.subAccount}>
          {s.subAccount === 'checking' ? (
            <p>Reading your sub-accounts…</p>
          ) : s.subAccount === 'unknown' ? (
            <p>{unread}</p>
          ) : s.ledger !== 'done' ? (
            <p>
              The provider charges a sub-account of your ledger, opened with at least 1 0G. It needs the ledger first.
            </p>
          ) : (
            <>
              <p>
                {s.subAccount === 'done'
                  ? `It holds ${og(s.usable)} the provider can charge.`
                  : s.sub
                    ? 'It holds nothing the provider can charge.'
                    : 'You have no sub-account with this provider yet: open one with at least 1 0G from your ledger.'}
                {s.sub && s.sub.pendingRefund > 0n && ` ${og(s.sub.pendingRefund)} is being retrieved to your ledger.`}{' '}
                Nothing is ever funded automatically: each transfer is a transaction you sign.
              </p>
              <FundButton size="sm" label="Fund this provider" target={{ kind: 'inference', provider }} />
            </>
          )}
        </SetupStep>
        <SetupStep
          n={4}
          title="The app-sk secret"
          status={s.ready ? 'done' : 'todo'}
          word={s.ready ? 'Ready' : 'Not yet'}
        >
          <SecretNote />
        </SetupStep>
      </ol>
    </Panel>
  );
}
