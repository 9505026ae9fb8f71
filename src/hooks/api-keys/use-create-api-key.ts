import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { Address } from 'viem';
import { useAccount, useConfig } from 'wagmi';
import { getConnectorClient } from 'wagmi/actions';
import { tokenFacts, type KeyRecord } from '../../lib/api-keys/key-state';
import { saveKey } from '../../lib/api-keys/key-store';
import { sameAddress } from '../../lib/address';
import { toAppError } from '../../lib/errors';
import { queryKeys } from '../../lib/query-keys';
import { useNetwork } from '../network/use-network';

/** A key just made: the secret lives only here, in component state, until the panel is closed. */
export interface ShownKey {
  secret: string;
  record: KeyRecord;
  /** False when the browser refused to remember it (storage full or blocked): the user must note its id. */
  remembered: boolean;
}

/** How the last attempt ended, for one sentence under the form. */
export type CreateProblem = { tone: 'neutral' | 'error'; message: string; details?: string } | null;

/**
 * Creates an API key for `provider` with one wallet signature (no transaction), remembers its metadata
 * and holds its secret in state only: never in React Query's cache, never in storage. Closing the
 * panel, another account or another network forgets it.
 */
export function useCreateApiKey(provider: Address) {
  const { network } = useNetwork();
  const { address } = useAccount();
  const config = useConfig();
  const queryClient = useQueryClient();
  const [shown, setShown] = useState<ShownKey | null>(null);
  const [problem, setProblem] = useState<CreateProblem>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);

  const scope = `${network.chain.id}:${address ?? ''}:${provider}`;
  const [shownScope, setShownScope] = useState(scope);
  if (shownScope !== scope) {
    // A different wallet, network or provider: the secret on screen is not theirs to see.
    setShownScope(scope);
    setShown(null);
    setProblem(null);
  }

  async function create(label: string, expiresIn: number, tokenId: number): Promise<void> {
    if (inFlight.current || !address) return;
    inFlight.current = true;
    setBusy(true);
    setProblem(null);
    try {
      const [client, broker] = await Promise.all([
        getConnectorClient(config, { chainId: network.chain.id, account: address }),
        import('../../lib/broker'),
      ]);
      const made = await broker.createApiKey(client, address, network, provider, { expiresIn, tokenId });
      const facts = tokenFacts(made.secret);
      if (
        !facts ||
        facts.tokenId !== tokenId ||
        !sameAddress(facts.provider, provider) ||
        !sameAddress(facts.address, address)
      )
        throw new Error('The SDK returned a key that does not match what was asked for.');
      const record: KeyRecord = {
        chainId: network.chain.id,
        owner: address,
        provider,
        tokenId,
        label: label.trim() || `Key ${tokenId}`,
        createdAt: facts.createdAt,
        expiresAt: facts.expiresAt,
        generation: facts.generation,
      };
      let remembered = true;
      try {
        saveKey(record);
      } catch {
        remembered = false;
      }
      setShown({ secret: made.secret, record, remembered });
      void queryClient.invalidateQueries({
        queryKey: queryKeys.tokenAccount({ chainId: network.chain.id, user: address, provider }),
      });
    } catch (err) {
      const e = toAppError(err);
      setProblem(
        e.kind === 'user-rejected'
          ? { tone: 'neutral', message: 'Cancelled in the wallet: no key was made and nothing was stored.' }
          : { tone: 'error', message: `No key was made: ${e.message}`, details: e.details },
      );
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  return { create, shown, close: () => setShown(null), problem, busy };
}
