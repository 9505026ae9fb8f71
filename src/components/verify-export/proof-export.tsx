import { useContext, useMemo, type ReactNode } from 'react';
import { NetworkContext } from '../../hooks/network/use-network';
import { sameAddress } from '../../lib/address';
import { useServices } from '../../hooks/marketplace/use-services';
import type { Network } from '../../lib/chain/networks';
import type { Service } from '../../lib/chain/services';
import type { StoredVerification } from '../../lib/chat/types';
import type { VerificationResult } from '../../lib/verify/response';
import { proofService, proofVerification, type ProofSource } from './proof-source';

/** Everything a proof of one answer is built from, once known. */
export interface ProofContext {
  source: ProofSource;
  verification: VerificationResult;
  network: Network;
  service: Service;
}

function LookUp({
  verification,
  source,
  network,
  pending,
  children,
}: {
  verification: VerificationResult;
  source: ProofSource;
  network: Network;
  pending: ReactNode;
  children: (ctx: ProofContext) => ReactNode;
}) {
  const services = useServices();
  const service = useMemo(
    () => proofService(verification, source, services.data),
    [verification, source, services.data],
  );
  // A failed read is no reason to refuse a proof: the service is then rebuilt from what was saved.
  if (services.isLoading) return pending;
  return children({ source, verification, network, service });
}

/**
 * Renders `children` with what a proof needs, or `whyNot` with a sentence when no proof can be made. Outside the
 * app's network provider (a lone component) nothing is rendered: there is no network to name in a bundle.
 */
export function WithProof({
  verification: stored,
  source,
  children,
  whyNot = () => null,
  pending = null,
}: {
  verification: StoredVerification;
  source: ProofSource;
  children: (ctx: ProofContext) => ReactNode;
  whyNot?: (sentence: string) => ReactNode;
  pending?: ReactNode;
}) {
  const state = useContext(NetworkContext);
  const verification = useMemo(() => proofVerification(stored), [stored]);
  if (!state) return null;
  if (typeof verification === 'string') return whyNot(verification);
  const { network } = state;
  if (source.chainId !== undefined && source.chainId !== network.chain.id)
    return whyNot('This result is from another network than the one shown: switch to it to make its proof.');
  if (source.service && sameAddress(source.service.provider, verification.provider))
    return children({ source, verification, network, service: proofService(verification, source, undefined) });
  return (
    <LookUp verification={verification} source={source} network={network} pending={pending}>
      {children}
    </LookUp>
  );
}
