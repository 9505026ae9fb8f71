import { useQueryClient } from '@tanstack/react-query';
import type { Address } from 'viem';
import { KEY_ID_COUNT } from '../../lib/api-keys/key-state';
import { queryKeys } from '../../lib/query-keys';
import { useProviderKeys } from '../../hooks/api-keys/use-api-keys';
import { useCreateApiKey } from '../../hooks/api-keys/use-create-api-key';
import { useRevokeKeys } from '../../hooks/api-keys/use-revoke-keys';
import { useNetwork } from '../../hooks/network/use-network';
import { Panel } from '../ui/panel';
import { QueryError } from '../ui/query-error';
import { ConnectButton } from '../wallet/connect-button';
import { CreateKeyForm } from './create-key-form';
import { KeyList } from './key-list';
import { NewKeyNotice } from './new-key-notice';
import { RevokeAll } from './revoke-all';

const muted = 'text-sm text-zinc-600 dark:text-zinc-400';

/** The Build page's "API keys": create one (shown once), list this browser's with their chain state, revoke. */
export function ApiKeysPanel({ provider }: { provider: Address }) {
  const { network } = useNetwork();
  const queryClient = useQueryClient();
  const { address, account, rows, inUse, revoked, nextId } = useProviderKeys(provider);
  const creating = useCreateApiKey(provider);
  const { revoke, revokeAll, pending } = useRevokeKeys(provider);
  const busy = pending !== null || creating.busy;

  let body;
  if (!address)
    body = (
      <div className="flex flex-col items-start gap-2">
        <p className={muted}>Connect a wallet to make API keys for this provider.</p>
        <ConnectButton />
      </div>
    );
  else if (account.isError)
    body = (
      <QueryError
        what="your tokens with this provider"
        error={account.error}
        onRetry={() =>
          void queryClient.invalidateQueries({
            queryKey: queryKeys.tokenAccount({ chainId: network.chain.id, user: address, provider }),
          })
        }
      />
    );
  else if (account.isPending)
    body = (
      <p role="status" className={muted}>
        Reading your tokens from the chain…
      </p>
    );
  else if (account.data === null)
    body = (
      <p className={muted}>
        You have no sub-account with this provider yet, so it would refuse any key. Fund one first (the checklist
        above), then make a key here.
      </p>
    );
  else
    body = (
      <div className="flex flex-col gap-4">
        {creating.shown && <NewKeyNotice shown={creating.shown} onClose={creating.close} />}
        {nextId === null ? (
          <div role="alert" className="flex flex-col items-start gap-2">
            <p className="text-sm">
              All {KEY_ID_COUNT} key ids with this provider are used or revoked, so no new key can be made. Revoking all
              tokens frees every id.
            </p>
            <RevokeAll busy={busy} prominent onConfirm={() => void revokeAll()} />
          </div>
        ) : (
          <CreateKeyForm
            nextId={nextId}
            busy={creating.busy}
            disabled={pending !== null}
            problem={creating.problem}
            onCreate={(label, expiresIn, tokenId) => void creating.create(label, expiresIn, tokenId)}
          />
        )}
        <div className="flex flex-col gap-2">
          <h3 className="font-medium">Keys made in this browser</h3>
          <KeyList rows={rows} busy={busy} onRevoke={(k) => void revoke(k)} />
          <p className={muted}>
            Ids in use here: {inUse.length > 0 ? inUse.join(', ') : 'none'}
            {revoked > 0 && `; ${revoked} revoked on chain (taken until you revoke all)`}. Keys made elsewhere (the CLI,
            another browser) are invisible here, and a key sharing an id with one of them is revoked with it.
          </p>
        </div>
        {nextId !== null && (
          <div className="flex flex-wrap items-center gap-3">
            <RevokeAll busy={busy} onConfirm={() => void revokeAll()} />
          </div>
        )}
      </div>
    );

  return (
    <Panel title="API keys">
      <p className={`mb-3 ${muted}`}>
        A key is an <code className="font-mono">app-sk-…</code> token your wallet signs for this one provider, for the
        code below to send. It lives until it expires or you revoke it on chain.
      </p>
      {body}
    </Panel>
  );
}
