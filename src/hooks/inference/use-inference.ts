import { useCallback, useEffect, useRef } from 'react';
import type { Address } from 'viem';
import { useAccount, useConfig } from 'wagmi';
import { getConnectorClient } from 'wagmi/actions';
import type { Service } from '../../lib/chain/services';
import type { StoredVerification } from '../../lib/chat/types';
import { cachedHeader, dropHeader, storeHeader, type AuthKey } from '../../lib/inference/auth-cache';
import type { InferenceProblem, StopReason } from '../../lib/inference/errors';
import type { Exchange } from '../../lib/inference/exchange';
import { preflight, type PreflightNeed, type PreflightProblem } from '../../lib/inference/preflight';
import { runInference, type InferenceOutcome, type InferenceTask } from '../../lib/inference/run';
import { verifyExchange } from '../../lib/inference/verify';
import { useAccountData } from '../account/use-account-data';
import { useNetwork } from '../network/use-network';
import { useActivity } from './use-activity';

export interface RunRequest<E extends Exchange> extends Omit<InferenceTask<E>, 'signal'> {
  /** The page's Stop for this request; the pipeline also stops it when the network or account changes. */
  controller: AbortController;
}

/**
 * The one inference pipeline every studio uses (chat, compare, image, speech): preflight for every
 * provider an action calls, the request header (cached until its token expires: no chain read and
 * no wallet prompt; signed again once after a 401), the request with its exact bytes, Stop and a
 * stop when the wallet's network or account changes, verification bound to those bytes, and cost.
 */
export function useInference({
  onRefused,
}: { onRefused?: (problem: InferenceProblem, service: Service) => void } = {}) {
  const { network } = useNetwork();
  const { address, chainId: walletChainId } = useAccount();
  const config = useConfig();
  const { subAccounts } = useAccountData(address);
  const { noteUsed, noteVerified } = useActivity();
  const active = useRef(new Set<AbortController>());
  const shown = useRef({ chainId: network.chain.id, address });
  const refused = useRef(onRefused);
  useEffect(() => {
    refused.current = onRefused;
  });

  // Every request still running stops at once when the network or the account changes: what arrived
  // is kept by the page, never verified, and no new header is signed for the wrong account.
  useEffect(() => {
    const before = shown.current;
    shown.current = { chainId: network.chain.id, address };
    if (before.chainId === network.chain.id && before.address === address) return;
    const why: StopReason = before.chainId !== network.chain.id ? 'network-changed' : 'account-changed';
    for (const c of active.current) c.abort(why);
  }, [network.chain.id, address]);

  const authorize = useCallback(
    async (provider: Address, forceNew: boolean): Promise<string> => {
      if (!address) throw new Error('Connect a wallet first.');
      const key: AuthKey = { chainId: network.chain.id, user: address, provider };
      if (forceNew) dropHeader(key);
      const hit = forceNew ? null : cachedHeader(key);
      if (hit) return hit;
      const [client, broker] = await Promise.all([
        getConnectorClient(config, { chainId: network.chain.id, account: address }),
        import('../../lib/broker'),
      ]);
      if (forceNew) broker.forgetSdkSession(address, provider);
      const header = await broker.createRequestHeader(client, address, network, provider);
      storeHeader(key, header);
      return header;
    },
    [address, config, network],
  );

  /** What stands between this action and its requests (empty: go). Checks every provider it will call. */
  const check = (needs: readonly PreflightNeed[]): PreflightProblem[] =>
    preflight({
      connected: !!address,
      walletChainId,
      network: { id: network.chain.id, name: network.chain.name },
      subAccounts: subAccounts.data,
      needs,
    });

  /** Sends one request through header, request and cost. Call `check` first. */
  async function run<E extends Exchange>(req: RunRequest<E>): Promise<InferenceOutcome<E>> {
    const { controller, ...task } = req;
    active.current.add(controller);
    try {
      const outcome = await runInference({ ...task, signal: controller.signal }, (forceNew) =>
        authorize(task.service.provider, forceNew),
      );
      if (outcome.kind === 'answered') noteUsed(task.service.serviceType, task.service.provider);
      else if (outcome.problem) refused.current?.(outcome.problem, task.service);
      return outcome;
    } finally {
      active.current.delete(controller);
    }
  }

  /** Verifies an exchange against the service that produced it (never the one selected now). */
  async function verify(service: Service, exchange: Exchange): Promise<StoredVerification> {
    const v = await verifyExchange(service, exchange);
    if (v.state === 'verified') noteVerified();
    return v;
  }

  return { check, run, verify, subAccounts };
}
