import type { Service } from '../chain/services';
import { inferenceSubAccount, usableBalance, type SubAccount } from '../chain/ledger-reads';
import { og } from '../units';

/** One provider an action will call, and the most that call may cost (neuron). */
export interface PreflightNeed {
  service: Service;
  estimate: bigint;
  /** How the page names this provider in a sentence when there are several (e.g. "The right side"). */
  label?: string;
}

export type PreflightProblem =
  | { kind: 'no-wallet' }
  | { kind: 'wrong-network'; networkName: string }
  | { kind: 'loading' }
  | { kind: 'no-sub-account'; need: PreflightNeed }
  | { kind: 'not-acknowledged'; need: PreflightNeed }
  | { kind: 'low'; need: PreflightNeed; usable: bigint };

export interface PreflightInput {
  connected: boolean;
  walletChainId: number | undefined;
  network: { id: number; name: string };
  /** undefined while they are being read. */
  subAccounts: readonly SubAccount[] | undefined;
  needs: readonly PreflightNeed[];
}

/**
 * Everything that must hold before any request of an action leaves the browser: a wallet on the
 * shown network, and for every provider the action will call a sub-account that exists, has
 * acknowledged the provider's TEE signer, and covers the estimate. Empty when all is well; the
 * problems of every provider otherwise, so no provider is paid when another cannot be.
 */
export function preflight(input: PreflightInput): PreflightProblem[] {
  if (!input.connected) return [{ kind: 'no-wallet' }];
  if (input.walletChainId !== input.network.id) return [{ kind: 'wrong-network', networkName: input.network.name }];
  if (!input.subAccounts) return [{ kind: 'loading' }];
  const problems: PreflightProblem[] = [];
  for (const need of input.needs) {
    const sub = inferenceSubAccount(input.subAccounts, need.service.provider);
    const usable = usableBalance(sub);
    if (!sub) problems.push({ kind: 'no-sub-account', need });
    else if (!sub.acknowledged) problems.push({ kind: 'not-acknowledged', need });
    else if (usable < need.estimate) problems.push({ kind: 'low', need, usable });
  }
  return problems;
}

/** True when the problem is solved by funding (the page then offers the Fund dialog for that provider). */
export const needsFunding = (p: PreflightProblem): p is Extract<PreflightProblem, { need: PreflightNeed }> =>
  p.kind === 'no-sub-account' || p.kind === 'low';

/** One sentence per problem, naming the provider when the page gave it a label. */
export function preflightSentence(p: PreflightProblem, what = 'this message'): string {
  const who = (need: PreflightNeed, rest: string) => (need.label ? `${need.label}: ${rest}` : rest);
  switch (p.kind) {
    case 'no-wallet':
      return 'Connect a wallet first: requests are paid from your sub-account with the provider.';
    case 'wrong-network':
      return `Switch the wallet to ${p.networkName} first.`;
    case 'loading':
      return 'Your sub-accounts are still being read; try again in a moment.';
    case 'no-sub-account':
      return who(
        p.need,
        `You have no sub-account with ${p.need.label ? p.need.service.model : 'this provider'} yet. Fund it first: nothing is ever funded automatically.`,
      );
    case 'not-acknowledged':
      return who(
        p.need,
        "Your sub-account has not acknowledged this provider's TEE signer. Acknowledge it on the Account page.",
      );
    case 'low': {
      // Rounded figures must not read as equal when one neuron is missing.
      const digits = og(p.usable, 9) === og(p.need.estimate, 9) ? 18 : undefined;
      return who(
        p.need,
        `The sub-account holds ${og(p.usable, digits ?? 6)}; ${what} may cost up to ${og(p.need.estimate, digits ?? 9)}. Top it up first.`,
      );
    }
  }
}
