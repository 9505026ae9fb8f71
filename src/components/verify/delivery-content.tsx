import type { LoadedProof } from '../../hooks/verify/use-proof-input';
import { downloadFile } from '../../lib/download';
import { sizeText } from '../../lib/format';
import type { DeliverableProof } from '../../lib/proof/bundle';
import { Button } from '../ui/button';

const NOTE = 'text-sm text-zinc-700 dark:text-zinc-300';

/**
 * A delivery's content: the model is encrypted to the user's key, so nothing of it is shown; the file from the
 * bundle can be saved as the bytes it holds, under the bundle's own (checked) file name.
 */
export function DeliveryContent({ bundle, media }: { bundle: DeliverableProof; media: LoadedProof['media'] }) {
  const size = sizeText(bundle.deliverable.file.size);
  return (
    <div className="flex flex-col gap-2">
      <p className={NOTE}>
        The fine-tuned model is encrypted to the key of the user who ordered it ({bundle.deliverable.user}), so it
        cannot be shown here. Only that user can decrypt it, with <code>0g-compute-cli fine-tuning decrypt-model</code>.
      </p>
      {media ? (
        <div className="flex flex-wrap items-center gap-3">
          <span className="text-sm break-all">
            {media.file} ({size})
          </span>
          <Button
            size="sm"
            variant="secondary"
            onClick={() =>
              downloadFile(media.file, 'application/octet-stream', new Blob([media.bytes as Uint8Array<ArrayBuffer>]))
            }
          >
            Save the encrypted model
          </Button>
        </div>
      ) : (
        <p className={NOTE}>
          The encrypted model ({size}) is not in this proof: drop the proof zip that holds it to check its bytes.
        </p>
      )}
    </div>
  );
}
