import { useCallback, useRef, useState } from 'react';
import type { Service } from '../../lib/chain/services';
import type { StoredVerification } from '../../lib/chat/types';
import {
  imageCost,
  imageGenerationBody,
  sendImageEdit,
  sendImageGeneration,
  type ImageExchange,
} from '../../lib/inference/image-request';
import type { InferenceProblem } from '../../lib/inference/errors';
import { parseImageAnswer, resolveImage } from '../../lib/media/image-answer';
import { decodeImage, makeThumbnail } from '../../lib/media/image-bytes';
import type { MediaItem, MediaStore } from '../../lib/media/types';
import { useInference } from '../inference/use-inference';
import { hashOnce, sha256hex } from '../../lib/media/hash';

/** What the user asked for: a new picture from a prompt, or an edit of their own picture. */
export type ImageAsk =
  | { mode: 'generate'; prompt: string; size: string; n: number }
  | { mode: 'edit'; prompt: string; n: number; image: { bytes: Uint8Array; mime: string; name: string } };

/** One picture received, held as the Blob of its bytes; `itemId` is its record in history. */
export interface ReceivedPicture {
  itemId: string;
  blob: Blob;
  mime: string;
  /** 'url': the provider sent a link and the app fetched it; the signature covers the link, not the picture. */
  source: 'inline' | 'url';
  sourceUrl?: string;
}

/** One Generate (or Edit) press: its pictures, refusals and badge as they arrive. */
export interface ImageRun {
  id: string;
  /** The network it was sent on: another network's results are not shown. */
  chainId: number;
  service: Service;
  ask: ImageAsk;
  status: 'sending' | 'verifying' | 'done' | 'refused';
  /** Why nothing came back (a refusal, a declined signature, a bad answer); null otherwise. */
  message: string | null;
  declined: boolean;
  pictures: ReceivedPicture[];
  /** One sentence per picture of the answer the app would not show (not an image, a hostile link…). */
  refusals: string[];
  verification: StoredVerification | null;
  cost: bigint | null;
  /** Generate press to pictures shown, and to the badge, in ms. */
  msToPictures: number | null;
  msToBadge: number | null;
  /** The exact bytes, kept for this visit so "Download with proof" can include them. */
  exchange: ImageExchange | null;
  /** A saving failure (e.g. the storage quota): the pictures are shown, but not kept. */
  saveError: string | null;
}

/**
 * The image studio's requests through the one inference pipeline: preflight, the cached header, exact bytes both
 * ways, the pictures checked and shown from Blobs of the bytes received, the shared verifier, cost, and each picture
 * saved to history with its badge.
 */
export function useImageRun({
  store,
  chainId,
  owner,
  allowLocalHttp,
  onRefused,
}: {
  store: MediaStore;
  chainId: number;
  owner: string | undefined;
  allowLocalHttp: boolean;
  onRefused?: (problem: InferenceProblem, service: Service) => void;
}) {
  const inference = useInference({ onRefused });
  const [runs, setRuns] = useState<ImageRun[]>([]);
  const controllers = useRef(new Map<string, AbortController>());

  const update = useCallback((id: string, patch: Partial<ImageRun>) => {
    setRuns((all) => all.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  }, []);

  /** Starts one request; returns its run id. The caller has run `check` with `estimate(...)` first. */
  async function start(service: Service, ask: ImageAsk): Promise<string> {
    const id = crypto.randomUUID();
    const t0 = performance.now();
    const controller = new AbortController();
    controllers.current.set(id, controller);
    const run: ImageRun = {
      id,
      chainId,
      service,
      ask,
      status: 'sending',
      message: null,
      declined: false,
      pictures: [],
      refusals: [],
      verification: null,
      cost: null,
      msToPictures: null,
      msToBadge: null,
      exchange: null,
      saveError: null,
    };
    setRuns((all) => [run, ...all]);
    const endpoint = `${service.url}/v1/proxy`;
    const outcome = await inference.run<ImageExchange>({
      service,
      controller,
      send: (authorization, signal) =>
        ask.mode === 'generate'
          ? sendImageGeneration({
              endpoint,
              authorization,
              signal,
              body: imageGenerationBody({ model: service.model, prompt: ask.prompt, size: ask.size, n: ask.n }),
            })
          : sendImageEdit({
              endpoint,
              authorization,
              signal,
              image: ask.image,
              prompt: ask.prompt,
              model: service.model,
              n: ask.n,
            }),
      cost: () => imageCost(service, ask.n),
    });
    controllers.current.delete(id);
    if (outcome.kind === 'refused') {
      update(id, { status: 'refused', message: outcome.message, declined: outcome.declined });
      return id;
    }
    const exchange = outcome.exchange;
    let items;
    try {
      items = parseImageAnswer(exchange.responseBytes);
    } catch (err) {
      update(id, { status: 'refused', message: (err as Error).message, exchange, cost: outcome.cost });
      return id;
    }
    const pictures: ReceivedPicture[] = [];
    const refusals: string[] = [];
    const extras = new Map<string, { thumb?: Blob; width?: number; height?: number; sha: string }>();
    for (const item of items) {
      const got = await resolveImage(item, { allowLocalHttp });
      if ('reason' in got) {
        refusals.push(got.reason);
        continue;
      }
      const blob = new Blob([got.bytes as Uint8Array<ArrayBuffer>], { type: got.mime });
      try {
        const size = await decodeImage(blob);
        const thumb = await makeThumbnail(blob).catch(() => undefined);
        const itemId = crypto.randomUUID();
        extras.set(itemId, { thumb, ...size, sha: sha256hex(got.bytes) });
        pictures.push({ itemId, blob, mime: got.mime, source: got.source, sourceUrl: got.url });
      } catch (err) {
        refusals.push((err as Error).message);
      }
    }
    update(id, {
      status: 'verifying',
      pictures,
      refusals,
      exchange,
      cost: outcome.cost,
      msToPictures: Math.round(performance.now() - t0),
    });
    const verification = await inference.verify(service, exchange);
    const msToBadge = Math.round(performance.now() - t0);
    let saveError: string | null = null;
    if (owner) {
      try {
        for (const p of pictures) await store.put(...record(p));
      } catch (err) {
        saveError = (err as Error).message;
      }
    }
    update(id, { status: 'done', verification, msToBadge, saveError });

    function record(p: ReceivedPicture): Parameters<MediaStore['put']> {
      const extra = extras.get(p.itemId)!;
      const item: MediaItem = {
        id: p.itemId,
        kind: 'image',
        chainId,
        owner: owner!,
        createdAt: Date.now(),
        provider: service.provider,
        model: service.model,
        serviceUrl: service.url,
        chatId: exchange.chatId,
        prompt: ask.prompt,
        settings: { mode: ask.mode, n: ask.n, ...(ask.mode === 'generate' ? { size: ask.size } : {}) },
        verification,
        // Charged per picture: each keeps its share.
        cost:
          outcome.kind === 'answered' && outcome.cost !== null ? (outcome.cost / BigInt(ask.n)).toString() : undefined,
        latencyMs: outcome.kind === 'answered' ? outcome.latencyMs : undefined,
        requestSha256: hashOnce(verification.localRequestHash, exchange.requestBytes),
        responseSha256: hashOnce(verification.localResponseHash, exchange.responseBytes),
        mediaSha256: extra.sha,
        mediaType: p.mime,
        width: extra.width,
        height: extra.height,
        bytes: p.blob.size,
        sourceUrl: p.sourceUrl,
      };
      const source =
        ask.mode === 'edit'
          ? new Blob([ask.image.bytes as Uint8Array<ArrayBuffer>], { type: ask.image.mime })
          : undefined;
      return [item, { media: p.blob, thumb: extra.thumb, source }];
    }
    return id;
  }

  /** Stops a request still being sent; what it cost so far is the provider's to say. */
  const stop = (id: string) => controllers.current.get(id)?.abort();

  return { runs, start, stop, check: inference.check, estimate: imageCost };
}
