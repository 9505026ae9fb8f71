import { useCallback, useEffect, useRef, useState } from 'react';
import { keccak256, type Address, type Hex } from 'viem';
import { useAccount } from 'wagmi';
import type { FineTuningService } from '../../lib/chain/services';
import { toAppError } from '../../lib/errors';
import { loraDigest } from '../../lib/fine-tuning/digests';
import { tagSigner } from '../../lib/fine-tuning/model-file';
import { modelFileFactsInWorker } from '../../lib/fine-tuning/model-file-client';
import { downloadModel } from '../../lib/fine-tuning/upload';
import { useNetwork } from '../network/use-network';
import { endpointOf, useSignDigest } from './use-fine-tuning-chain';

/** Where the encrypted model's download is. `declined`: the user said no in the wallet. */
export type ModelDownloadState = 'idle' | 'signing' | 'running' | 'done' | 'failed' | 'cancelled' | 'declined';

/** The downloaded file (kept in memory only), its keccak256 and the TEE's signature over its tags. */
export interface DownloadedModel {
  blob: Blob;
  hash: Hex;
  bytes: number;
  /** The signature the file starts with and the hash it signs; null when the file is too short to hold them. */
  tags: { signature: Hex; keccak256: Hex } | null;
  /** When it arrived and was hashed (ms). */
  receivedAt: number;
}

/** The download's progress and, once done, the file. */
export interface ModelDownload {
  state: ModelDownloadState;
  received: number;
  total: number | null;
  message: string | null;
  file: DownloadedModel | null;
}

const IDLE: ModelDownload = { state: 'idle', received: 0, total: null, message: null, file: null };
// The provider accepts a signed timestamp within 5 minutes: a retry soon after reuses the signature.
const SIGNATURE_REUSE_S = 240;
// Progress arrives per network chunk: a redraw every 100 ms is smooth enough and keeps the page responsive.
const PROGRESS_EVERY_MS = 100;

/**
 * Downloads task `id`'s encrypted model (one personal_sign over loraDigest, then `POST .../lora`),
 * with progress, cancel and retry. Starts over for another wallet, network or task.
 */
export function useModelDownload(service: FineTuningService | undefined, id: string) {
  const { network } = useNetwork();
  const { address } = useAccount();
  const sign = useSignDigest();
  const session = `${network.chain.id}:${address ?? ''}:${service?.url ?? ''}:${id}`;
  const [snap, setSnap] = useState<ModelDownload & { session: string }>({ ...IDLE, session });
  const run = useRef<AbortController | null>(null);
  const signed = useRef<{ session: string; timestampS: number; signature: Hex } | null>(null);

  // Leaving the page (or the wallet) stops a download in flight.
  useEffect(
    () => () => {
      run.current?.abort();
      run.current = null;
    },
    [session],
  );

  const start = useCallback(async () => {
    if (!service || !address || run.current) return;
    const ctl = new AbortController();
    run.current = ctl;
    const set = (next: Partial<ModelDownload>) =>
      setSnap((s) => ({ ...(s.session === session ? s : IDLE), ...next, session }));
    try {
      const nowS = Math.floor(Date.now() / 1000);
      let proof = signed.current;
      if (!proof || proof.session !== session || nowS - proof.timestampS > SIGNATURE_REUSE_S) {
        set({ ...IDLE, state: 'signing' });
        proof = { session, timestampS: nowS, signature: await sign(loraDigest(id, nowS)) };
        signed.current = proof;
      }
      // Cancelled while the wallet was open: the signature is kept for a retry, nothing is fetched.
      if (ctl.signal.aborted) throw new DOMException('Cancelled', 'AbortError');
      set({ ...IDLE, state: 'running' });
      let drawn = 0;
      const bytes = await downloadModel({
        endpoint: endpointOf(network, service),
        user: address,
        taskId: id,
        timestampS: proof.timestampS,
        signature: proof.signature,
        signal: ctl.signal,
        onProgress: (received, total) => {
          if (Date.now() - drawn < PROGRESS_EVERY_MS) return;
          drawn = Date.now();
          set({ received, total });
        },
      });
      const blob = new Blob([bytes], { type: 'application/octet-stream' });
      // A large model takes a few seconds to hash: the full bar alone would look stuck.
      set({ received: bytes.length, total: bytes.length, message: 'Received. Hashing the file to check it…' });
      // keccak256 of a large file takes seconds: it is computed once, with the tags, off the main thread, and Cancel
      // still stops it.
      const facts = await modelFileFactsInWorker(blob, { signal: ctl.signal });
      const file: DownloadedModel = {
        blob,
        // No facts only for a file too short for the layout: hashing it here is instant.
        hash: facts?.keccak256 ?? keccak256(bytes),
        bytes: bytes.length,
        tags: facts && { signature: facts.tagSignature, keccak256: facts.tagsKeccak256 },
        receivedAt: Date.now(),
      };
      set({ state: 'done', received: bytes.length, total: bytes.length, message: null, file });
    } catch (e) {
      if (ctl.signal.aborted) {
        set({ state: 'cancelled', message: 'The download was cancelled. Nothing was kept.' });
        return;
      }
      const error = toAppError(e);
      if (error.kind === 'user-rejected') return set({ ...IDLE, state: 'declined', message: 'Nothing was signed.' });
      // An expired or refused signature is not reused on the next try.
      signed.current = null;
      set({ state: 'failed', message: error.message });
    } finally {
      if (run.current === ctl) run.current = null;
    }
  }, [service, address, sign, id, network, session]);

  const cancel = useCallback(() => run.current?.abort(), []);
  const live = snap.session === session ? snap : IDLE;
  return { ...live, start, cancel };
}

/**
 * Who a model file's tag signature recovers to: undefined while it is worked out (or without tags), null when it
 * recovers to no one.
 */
export function useTagSigner(tags: { signature: string; keccak256: string } | null | undefined) {
  const key = tags ? `${tags.keccak256}:${tags.signature}` : '';
  const [found, setFound] = useState<{ key: string; signer: Address | null } | null>(null);
  useEffect(() => {
    if (!key) return;
    const [hash, signature] = key.split(':') as [Hex, Hex];
    let live = true;
    void tagSigner(hash, signature).then((signer) => live && setFound({ key, signer }));
    return () => {
      live = false;
    };
  }, [key]);
  return key && found?.key === key ? found.signer : undefined;
}
