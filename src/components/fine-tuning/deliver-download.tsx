import type { ReactNode } from 'react';
import type { Hex } from 'viem';
import type { ModelDownload } from '../../hooks/fine-tuning/use-model-download';
import { modelFileName } from '../../lib/fine-tuning/cli-command';
import type { TaskNotes } from '../../lib/fine-tuning/draft-store';
import type { HashVerdict, SignerVerdict } from '../../lib/fine-tuning/monitor';
import { downloadFile } from '../../lib/download';
import { absoluteTime } from '../../lib/format';
import { Button } from '../ui/button';
import { DeliverStep, HashLine } from './deliver-step';
import { UploadProgress } from './upload-progress';

const muted = 'text-sm text-zinc-600 dark:text-zinc-400';

/** Steps 1 and 2 of the delivery: download the encrypted model, then check its hash against the chain's. */
export function DeliverDownload({
  taskId,
  download: dl,
  root,
  verdict,
  saved,
  signed,
  proof,
}: {
  taskId: string;
  download: ModelDownload & { start: () => Promise<void>; cancel: () => void };
  /** The deliverable's modelRootHash; undefined while it is being read, null when the chain has none. */
  root: Hex | null | undefined;
  verdict: HashVerdict | null;
  saved: TaskNotes['download'];
  /** Whether the file's tags are signed by the provider's TEE signer. */
  signed: SignerVerdict;
  /** The delivery's proof actions, once the file was checked. */
  proof?: ReactNode;
}) {
  const retry = () => void dl.start();
  const file = dl.file;
  const showBar = dl.state === 'running' || dl.state === 'done' || dl.state === 'failed' || dl.state === 'cancelled';
  return (
    <>
      <DeliverStep n={1} title="Download the encrypted model">
        <p className={muted}>
          Your wallet signs a request (no transaction, nothing is paid) and the provider sends the model, encrypted to
          your key. It stays in this tab's memory until you save it.
        </p>
        {showBar ? (
          <UploadProgress
            label="Encrypted model download"
            sent={dl.received}
            total={dl.total}
            state={dl.state as 'running' | 'done' | 'failed' | 'cancelled'}
            onCancel={dl.cancel}
            onRetry={retry}
            {...(dl.message ? { message: dl.message } : {})}
          />
        ) : (
          <div className="flex flex-wrap items-center gap-3">
            <Button size="sm" onClick={retry} disabled={dl.state === 'signing'}>
              Download the encrypted model
            </Button>
            {dl.state === 'signing' && <span className={muted}>Confirm the signature in your wallet…</span>}
            {dl.state === 'declined' && <span className={muted}>{dl.message}</span>}
          </div>
        )}
      </DeliverStep>
      <DeliverStep n={2} title="Check the file against the chain">
        <p className={muted}>
          The provider recorded the encrypted file's keccak256 on chain when it delivered; the file you received must
          have the same hash, and its first bytes must be a signature by the provider's TEE key.
        </p>
        {file ? (
          <Verdict verdict={verdict} root={root} fileHash={file.hash} />
        ) : saved ? (
          <p className="text-sm">
            {saved.matches
              ? `Checked on ${absoluteTime(Math.floor(saved.checkedAt / 1000))}: the file matched the model root hash on chain.`
              : `Checked on ${absoluteTime(Math.floor(saved.checkedAt / 1000))}: the file did NOT match the hash on chain.`}{' '}
            The file is not kept after a reload: download it again to save it.
          </p>
        ) : (
          <p className={muted}>Download the file first.</p>
        )}
        {(file || saved) && <SignerLine signed={signed} />}
        {proof}
        {file && (
          <Button
            variant="secondary"
            size="sm"
            className="self-start"
            onClick={() => downloadFile(modelFileName(taskId), 'application/octet-stream', file.blob)}
          >
            Save the encrypted model
          </Button>
        )}
      </DeliverStep>
    </>
  );
}

function Verdict({
  verdict,
  root,
  fileHash,
}: {
  verdict: HashVerdict | null;
  root: Hex | null | undefined;
  fileHash: Hex;
}) {
  if (root === undefined) return <p className={muted}>Reading the model root hash from chain…</p>;
  const hashes = (
    <>
      <HashLine name="File (keccak256)" hash={fileHash} />
      {root && <HashLine name="On chain (modelRootHash)" hash={root} />}
    </>
  );
  if (verdict === 'match')
    return (
      <div role="status" className="flex min-w-0 flex-col gap-1">
        <p className="text-sm font-medium text-emerald-800 dark:text-emerald-300">
          ✓ The file matches the model root hash the provider recorded on chain
        </p>
        {hashes}
      </div>
    );
  if (verdict === 'mismatch')
    return (
      <div role="alert" className="flex min-w-0 flex-col gap-1">
        <p className="text-sm font-medium text-red-700 dark:text-red-400">
          ✕ The file does NOT match the hash on chain: do not acknowledge it
        </p>
        {hashes}
      </div>
    );
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <p className="text-sm">
        The check cannot run: the chain has no model root hash for this task yet. It is read again every few seconds.
      </p>
      {hashes}
    </div>
  );
}

/** Whether the file's tags are signed by the provider's TEE signer, in one sentence. */
function SignerLine({ signed }: { signed: SignerVerdict }) {
  if (signed === 'match')
    return (
      <p className="text-sm font-medium text-emerald-800 dark:text-emerald-300">✓ Signed by the provider’s TEE key</p>
    );
  if (signed === 'mismatch' || signed === 'unsigned')
    return (
      <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
        {signed === 'unsigned'
          ? '✕ The file holds no TEE signature: it is not a model the 0G tools can decrypt. Do not acknowledge it.'
          : '✕ The file is NOT signed by the provider’s TEE key on chain: do not acknowledge it.'}
      </p>
    );
  if (signed === 'pending') return <p className={muted}>Checking the file’s TEE signature…</p>;
  return null;
}
