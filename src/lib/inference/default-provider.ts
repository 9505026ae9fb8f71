import { sameAddress } from '../address';
import type { Service } from '../chain/services';
import { usableBalance, type SubAccount } from '../chain/ledger-reads';
import { typicalCost } from '../pricing';
import { verificationMode } from '../verify/mode';
import type { Activity } from './activity';

/** The provider a studio opens with when the link names none, and why (said under the picker when it is a guess). */
export interface DefaultChoice {
  service: Service;
  why: 'last-used' | 'last-funded' | 'funded' | 'cheapest';
  /** A sentence for the page when the choice was not the user's own, else null. */
  note: string | null;
}

const inferenceSub = (subs: readonly SubAccount[] | undefined, s: Service) =>
  subs?.find((a) => a.kind === 'inference' && sameAddress(a.provider, s.provider));

/**
 * Which of `services` (one service type) to open with: the one this user used or funded last in
 * this browser, else one they have money with (the most funded), else the cheapest that declares a
 * TEE mode and has its signer acknowledged, with a note saying it is only a suggestion.
 */
export function defaultProvider(
  services: readonly Service[],
  activity: Activity | null,
  subAccounts: readonly SubAccount[] | undefined,
): DefaultChoice | null {
  if (services.length === 0) return null;
  const type = services[0]!.serviceType;
  const last = activity?.last[type];
  const remembered = last && services.find((s) => sameAddress(s.provider, last.provider));
  if (remembered && last)
    return { service: remembered, why: last.how === 'funded' ? 'last-funded' : 'last-used', note: null };

  const funded = services
    .map((s) => ({ s, usable: usableBalance(inferenceSub(subAccounts, s)) }))
    .filter((x) => x.usable > 0n)
    .sort((a, b) => (a.usable === b.usable ? 0 : a.usable > b.usable ? -1 : 1));
  if (funded[0]) return { service: funded[0].s, why: 'funded', note: null };

  const cost = (s: Service) => typicalCost(s.serviceType, s.inputPrice, s.outputPrice);
  const verifiable = services.filter((s) => s.teeSignerAcknowledged && verificationMode(s.verifiability) !== 'none');
  const pool = verifiable.length > 0 ? verifiable : services;
  const cheapest = [...pool].sort((a, b) => (cost(a) === cost(b) ? 0 : cost(a) < cost(b) ? -1 : 1))[0]!;
  return {
    service: cheapest,
    why: 'cheapest',
    note:
      verifiable.length > 0
        ? 'Suggested: the cheapest provider that declares a TEE mode with an acknowledged signer. You have not funded any provider of this kind yet; pick another any time.'
        : 'Suggested: the cheapest provider. None of these declares a TEE mode, so answers cannot be verified.',
  };
}
