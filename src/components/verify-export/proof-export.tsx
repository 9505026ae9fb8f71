import { useContext, useMemo, type ReactNode } from 'react';
import { NetworkContext } from '../../hooks/network/use-network';
import { sameAddress } from '../../lib/address';
import { useServices } from '../../hooks/marketplace/use-services';
import type { Network } from '../../lib/chain/networks';
import type { Service } from '../../lib/chain/services';
import type { StoredVerification } from '../../lib/chat/types';
import { downloadFile } from '../../lib/download';
import { mediaProofZip } from '../../lib/media/proof-zip';
import { buildProof, proofJsonText, type ProofBundle } from '../../lib/proof/bundle';
import type { VerificationResult } from '../../lib/verify/response';
import { proofService, proofVerification, type ProofSource } from './proof-source';

/** Everything a proof of one answer is built from, once known. */
export interface ProofContext {
  source: ProofSource;
  verification: VerificationResult;
  network: Network;
  service: Service;
}

/** The bundle of one answer; `media` is the picture or audio when the source has one. Throws ProofError. */
export function makeBundle(ctx: ProofContext, hashesOnly: boolean, media?: Uint8Array): ProofBundle {
  const { source } = ctx;
  return buildProof({
    kind: source.kind,
    network: ctx.network,
    service: ctx.service,
    verification: ctx.verification,
    exchange: source.exchange,
    hashesOnly,
    media: source.media && media ? { ...source.media, bytes: media } : undefined,
  });
}

const GONE = 'The file this proof goes with is no longer in this browser’s storage.';

/** "Download proof": JSON for a chat answer, a zip with the picture or audio otherwise. Throws a plain sentence. */
export async function downloadProof(ctx: ProofContext, hashesOnly: boolean): Promise<void> {
  const { source } = ctx;
  if (!source.media) {
    downloadFile(source.fileName, 'application/json', proofJsonText(makeBundle(ctx, hashesOnly)));
    return;
  }
  const bytes = await source.media.read();
  if (!bytes) throw new Error(GONE);
  const zip = mediaProofZip({
    kind: source.kind === 'chat' ? 'image' : source.kind,
    network: ctx.network,
    service: ctx.service,
    verification: ctx.verification,
    exchange: source.exchange,
    hashesOnly,
    media: { ...source.media, bytes },
  });
  downloadFile(source.fileName, 'application/zip', zip);
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
