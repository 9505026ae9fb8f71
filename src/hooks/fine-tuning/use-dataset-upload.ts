import { useRef, useState } from 'react';
import { useAccount } from 'wagmi';
import type { FineTuningService } from '../../lib/chain/services';
import { uploadDigest } from '../../lib/fine-tuning/digests';
import { uploadDataset } from '../../lib/fine-tuning/upload';
import { ProviderHttpError, toAppError } from '../../lib/errors';
import { useNetwork } from '../network/use-network';
import { endpointOf, useSignDigest } from './use-fine-tuning-chain';

export type UploadPhase = 'idle' | 'signing' | 'running' | 'done' | 'failed' | 'cancelled';

export interface UploadStatus {
  phase: UploadPhase;
  sent: number;
  total: number | null;
  /** A plain sentence for failed, cancelled or a declined signature. */
  message?: string;
}

/**
 * Sends the dataset to the provider's TEE: one wallet signature over (user, timestamp), then the
 * multipart upload with progress. Cancel stops it; a failure keeps the file so Retry resends it.
 */
export function useDatasetUpload(onDone: (datasetHash: string) => void) {
  const { network } = useNetwork();
  const { address } = useAccount();
  const sign = useSignDigest();
  const [status, setStatus] = useState<UploadStatus>({ phase: 'idle', sent: 0, total: null });
  const abort = useRef<AbortController | null>(null);

  async function start(service: FineTuningService, file: Blob, fileName: string) {
    if (!address || abort.current) return;
    const controller = new AbortController();
    abort.current = controller;
    setStatus({ phase: 'signing', sent: 0, total: file.size });
    try {
      const timestampS = Math.floor(Date.now() / 1000);
      const signature = await sign(uploadDigest(address, timestampS));
      setStatus({ phase: 'running', sent: 0, total: file.size });
      const { datasetHash } = await uploadDataset({
        endpoint: endpointOf(network, service),
        user: address,
        file,
        fileName,
        timestampS,
        signature,
        signal: controller.signal,
        onProgress: (sent, total) => setStatus({ phase: 'running', sent, total }),
      });
      setStatus((s) => ({ ...s, phase: 'done', sent: s.total ?? s.sent }));
      onDone(datasetHash);
    } catch (err) {
      const e = toAppError(err);
      if (e.kind === 'user-rejected')
        setStatus({ phase: 'idle', sent: 0, total: null, message: 'Nothing was signed, so nothing was sent.' });
      else if (err instanceof ProviderHttpError && err.kind === 'cancelled')
        setStatus((s) => ({ ...s, phase: 'cancelled', message: 'Upload cancelled: the provider has not kept it.' }));
      else setStatus((s) => ({ ...s, phase: 'failed', message: e.message }));
    } finally {
      abort.current = null;
    }
  }

  return {
    status,
    start,
    cancel: () => abort.current?.abort(),
    reset: () => setStatus({ phase: 'idle', sent: 0, total: null }),
  };
}
