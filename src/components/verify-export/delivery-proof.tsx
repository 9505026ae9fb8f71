import { useMemo } from 'react';
import type { Address, Hex } from 'viem';
import { useAccount } from 'wagmi';
import { useNetwork } from '../../hooks/network/use-network';
import type { FineTuningService } from '../../lib/chain/services';
import { downloadFile } from '../../lib/download';
import { buildDeliverableProof, MAX_PROOF_BYTES, proofJsonText, type DeliverableInput } from '../../lib/proof/bundle';
import { shareFragment } from '../../lib/proof/share';
import { proofZip } from '../../lib/proof/zip';
import { errorMessage } from '../../lib/errors';
import { ProofButtons, type MadeProof } from './proof-actions';
import { shareLink } from './proof-source';

const NOTE = 'text-xs text-zinc-600 dark:text-zinc-300';
// Room for proof.json and README.txt beside the model in a zip /verify still reads.
const MODEL_IN_ZIP_MAX = MAX_PROOF_BYTES - 256 * 1024;

/** The checked delivery a proof is made of: the file's facts, who its tags recover to and, this visit, the file. */
export interface CheckedDelivery {
  hash: Hex;
  bytes: number;
  tags: { signature: Hex; keccak256: Hex };
  signer: Address | null;
  checkedAt: number;
  /** The encrypted model, while this tab still holds it. */
  blob?: Blob;
  /** Its name in the zip (the name "Save the encrypted model" gives it). */
  fileName: string;
}

/**
 * The delivery's proof: Download proof (a zip with the encrypted model when this tab has it and it fits in 50 MB,
 * else the JSON), Copy proof (JSON) and Copy share link. Anyone can re-check it on /verify without a wallet.
 */
export function DeliveryProof({
  service,
  model,
  taskId,
  root,
  delivery: d,
}: {
  service: FineTuningService;
  model: string;
  taskId: string;
  root: Hex;
  delivery: CheckedDelivery;
}) {
  const { network } = useNetwork();
  const { address } = useAccount();
  const input = useMemo((): DeliverableInput | null => {
    if (!address) return null;
    return {
      network,
      service,
      model,
      taskId,
      user: address,
      modelRootHash: root,
      file: { keccak256: d.hash, size: d.bytes, tagSignature: d.tags.signature, tagsKeccak256: d.tags.keccak256 },
      tagSigner: d.signer,
      checkedAt: new Date(d.checkedAt).toISOString(),
    };
  }, [address, network, service, model, taskId, root, d]);
  const made = useMemo((): MadeProof => {
    if (!input) return { error: 'Connect the wallet that made this task to make its proof.' };
    try {
      const bundle = buildDeliverableProof(input);
      const fragment = shareFragment(bundle);
      return { json: proofJsonText(bundle), link: fragment && shareLink(window.location.origin, fragment) };
    } catch (err) {
      return { error: errorMessage(err) };
    }
  }, [input]);
  const withModel = !!d.blob && d.bytes <= MODEL_IN_ZIP_MAX;
  const name = d.fileName.replace(/\.enc$/, '');

  const download = async () => {
    if (!input || !made?.json) throw new Error(made?.error ?? 'The proof could not be made.');
    if (!withModel || !d.blob) {
      downloadFile(`${name}-proof.json`, 'application/json', made.json);
      return;
    }
    const bytes = new Uint8Array(await d.blob.arrayBuffer());
    const bundle = buildDeliverableProof({ ...input, media: { file: d.fileName, bytes } });
    downloadFile(`${name}-proof.zip`, 'application/zip', proofZip(bundle, { file: d.fileName, bytes }));
  };

  return (
    <section aria-label="Proof" className="flex flex-col gap-2">
      <p className={NOTE}>
        {withModel
          ? 'The proof is a zip with the encrypted model beside the hashes and the signature: anyone can check it on the Verify page, without a wallet.'
          : d.blob
            ? 'The model is larger than 50 MB, so the proof holds its hashes only: keep the saved model beside it to check the file too.'
            : 'This tab no longer holds the model, so the proof holds its hashes only: anyone can still check them against the chain.'}
      </p>
      <ProofButtons made={made} onDownload={download} />
    </section>
  );
}
