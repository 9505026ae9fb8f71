import { useEffect, useMemo, useState } from 'react';
import type { Address, Hex } from 'viem';
import { useDeliverable, useFineTuningTx } from '../../hooks/fine-tuning/use-fine-tuning-chain';
import { useModelDownload, useTagSigner } from '../../hooks/fine-tuning/use-model-download';
import type { TaskNotesHandle } from '../../hooks/fine-tuning/use-task-monitor';
import { useNetwork } from '../../hooks/network/use-network';
import type { FineTuningService } from '../../lib/chain/services';
import type { TaskNotes } from '../../lib/fine-tuning/draft-store';
import { decryptCommand, modelFileName } from '../../lib/fine-tuning/cli-command';
import { deliverablePoll, hashVerdict, keyPublished, signerVerdict } from '../../lib/fine-tuning/monitor';
import { DeliveryProof, type CheckedDelivery } from '../verify-export/delivery-proof';
import { Button } from '../ui/button';
import { Panel } from '../ui/panel';
import { QueryError } from '../ui/query-error';
import { CommandBox } from './command-box';
import { DeliverDownload } from './deliver-download';
import { DeliverStep } from './deliver-step';

const muted = 'text-sm text-zinc-600 dark:text-zinc-400';

/**
 * The delivered model, step by step: download it, check its hash against the chain, acknowledge it
 * on chain, then decrypt it with the 0G CLI once the provider published the key.
 */
export function DeliverPanel({
  service,
  model,
  taskId,
  notes,
}: {
  service: FineTuningService;
  /** The pre-trained model the task fine-tuned (its name, else its hash), as the proof names it. */
  model: string;
  taskId: string;
  notes: TaskNotesHandle;
}) {
  const { network } = useNetwork();
  const provider = service.provider;
  const [poll, setPoll] = useState<number | false>(5000);
  const deliverable = useDeliverable(provider, taskId, poll);
  const d = deliverable.data;
  const dl = useModelDownload(service, taskId);
  const tx = useFineTuningTx();
  const root = d === undefined ? undefined : (d?.modelRootHash ?? null);
  const verdict = dl.file ? hashVerdict(dl.file.hash, root) : null;
  const saved = notes.notes?.download;
  const fileName = modelFileName(taskId);

  // Poll while the chain still owes us something (the hash, or the key after acknowledging). Adjusted
  // during render, as React advises for state derived from the last answer.
  const nextPoll = d === undefined ? 5000 : deliverablePoll(d);
  if (poll !== nextPoll) setPoll(nextPoll);

  const { update } = notes;
  const file = dl.file;
  useEffect(() => {
    if (!file || (verdict !== 'match' && verdict !== 'mismatch')) return;
    const matches = verdict === 'match';
    update((n) =>
      n?.download?.hash === file.hash && n.download.matches === matches
        ? null
        : {
            ...n,
            provider,
            seen: n?.seen ?? {},
            download: {
              fileName,
              bytes: file.bytes,
              hash: file.hash,
              matches,
              checkedAt: Date.now(),
              ...(file.tags ? { tags: file.tags } : {}),
            },
          },
    );
  }, [file, verdict, update, provider, fileName]);

  // A check saved earlier counts while the chain still holds the hash it matched: the provider cannot change it.
  const savedHolds = !!saved && !!root && saved.hash.toLowerCase() === root.toLowerCase();
  const savedMatch = savedHolds && !!saved?.matches;
  const tags = file ? file.tags : savedHolds ? saved?.tags : undefined;
  const signer = useTagSigner(tags);
  // With the file, whether it holds tags; from a saved check, only whether the check kept them.
  const signed = signerVerdict(file || tags ? !!tags : undefined, signer, service.teeSignerAddress);
  const matched = (verdict === 'match' || (!file && savedMatch)) && (signed === 'match' || signed === 'unknown');
  const checked = useCheckedDelivery(file, saved, savedHolds, signer, fileName);

  const acknowledge = async () => {
    const result = await tx.acknowledgeDeliverable(provider, taskId);
    if (result?.status === 'confirmed') void deliverable.refetch();
  };

  return (
    <Panel title="Delivery">
      {deliverable.isError && (
        <QueryError
          what="the deliverable from chain"
          error={deliverable.error}
          onRetry={() => void deliverable.refetch()}
        />
      )}
      <ol className="flex flex-col gap-4">
        <DeliverDownload
          taskId={taskId}
          download={dl}
          root={root}
          verdict={verdict}
          saved={saved}
          signed={signed}
          proof={
            checked &&
            root && <DeliveryProof service={service} model={model} taskId={taskId} root={root} delivery={checked} />
          }
        />
        <DeliverStep n={3} title="Acknowledge the model on chain">
          <p className={muted}>
            One wallet transaction that accepts the delivery: the provider can then settle its fee from your sub-account
            and publish the key that decrypts the model.
          </p>
          {d?.acknowledged ? (
            <p className="text-sm">✓ Acknowledged on chain.</p>
          ) : verdict === 'mismatch' ? (
            <p className="text-sm text-red-700 dark:text-red-400">Blocked: the downloaded file does not match.</p>
          ) : signed === 'mismatch' || signed === 'unsigned' ? (
            <p className="text-sm text-red-700 dark:text-red-400">
              Blocked: the file is not signed by the provider’s TEE key.
            </p>
          ) : matched && d ? (
            <Button size="sm" className="self-start" onClick={() => void acknowledge()} disabled={tx.pending !== null}>
              Acknowledge the model on chain
            </Button>
          ) : (
            <p className={muted}>Available once the downloaded file matches the hash on chain.</p>
          )}
          {tx.pending && <p className={muted}>Waiting for the wallet and the chain…</p>}
        </DeliverStep>
        <DeliverStep n={4} title="Decrypt the model on your machine">
          {keyPublished(d) ? (
            <>
              <CommandBox
                label="Decrypt with the 0G CLI"
                command={decryptCommand({
                  network,
                  provider,
                  taskId,
                  encryptedFile: fileName,
                  outputFile: `fine-tuned-${taskId}`,
                })}
              />
              <p className={muted}>
                It needs the wallet's private key, which this app never asks for: run <code>0g-compute-cli login</code>{' '}
                on your own machine first, then run the command where you saved {fileName}.
              </p>
            </>
          ) : d?.acknowledged ? (
            <p role="status" className={muted}>
              Waiting for the provider to publish the model key…
            </p>
          ) : (
            <p className={muted}>
              After you acknowledge, the provider publishes the model key; the command to decrypt appears here.
            </p>
          )}
        </DeliverStep>
      </ol>
    </Panel>
  );
}

/** What the delivery's proof is made of, once the file was checked this visit (or a check was saved with its tags). */
function useCheckedDelivery(
  file: ReturnType<typeof useModelDownload>['file'],
  saved: TaskNotes['download'],
  savedHolds: boolean,
  signer: Address | null | undefined,
  fileName: string,
): CheckedDelivery | null {
  return useMemo(() => {
    if (signer === undefined) return null;
    if (file?.tags)
      return {
        hash: file.hash,
        bytes: file.bytes,
        tags: file.tags,
        signer,
        checkedAt: file.receivedAt,
        blob: file.blob,
        fileName,
      };
    if (file || !saved?.tags || !savedHolds) return null;
    const tags = { signature: saved.tags.signature as Hex, keccak256: saved.tags.keccak256 as Hex };
    return { hash: saved.hash as Hex, bytes: saved.bytes, tags, signer, checkedAt: saved.checkedAt, fileName };
  }, [file, saved, savedHolds, signer, fileName]);
}
