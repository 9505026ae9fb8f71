import type { Service } from '../../lib/chain/services';
import type { InferenceProblem } from '../../lib/inference/errors';
import {
  imageCost,
  imageGenerationBody,
  sendImageEdit,
  sendImageGeneration,
  type ImageExchange,
} from '../../lib/inference/image-request';
import { sha256hex } from '../../lib/media/hash';
import { parseImageAnswer, resolveImage } from '../../lib/media/image-answer';
import { decodeImage, makeThumbnail } from '../../lib/media/image-bytes';
import type { MediaItem, MediaStore } from '../../lib/media/types';
import { useMediaRun, type MediaAnswer, type MediaRunBase, type MediaStudio } from '../media/use-media-run';

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
export interface ImageRun extends MediaRunBase<ImageAsk, ImageExchange> {
  pictures: ReceivedPicture[];
  /** One sentence per picture of the answer the app would not show (not an image, a hostile link…). */
  refusals: string[];
  /** Generate press to pictures shown, in ms. */
  msToPictures: number | null;
}

/** What a picture keeps for its record beside what is shown: its thumbnail, size and hash. */
type Extra = { thumb?: Blob; width?: number; height?: number; sha: string };

/** Checks each picture of an answer (links fetched, bytes decoded) and says how to save the ones shown. */
async function readPictures(
  exchange: ImageExchange,
  { run: { ask }, cost, ms }: { run: ImageRun; cost: bigint | null; ms: () => number },
  allowLocalHttp: boolean,
): Promise<MediaAnswer<ImageRun>> {
  const items = parseImageAnswer(exchange.responseBytes);
  const pictures: ReceivedPicture[] = [];
  const refusals: string[] = [];
  const extras = new Map<string, Extra>();
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
  const source =
    ask.mode === 'edit' ? new Blob([ask.image.bytes as Uint8Array<ArrayBuffer>], { type: ask.image.mime }) : undefined;
  return {
    shown: { pictures, refusals, msToPictures: ms() },
    save: (facts) => ({
      puts: pictures.map((p) => {
        const extra = extras.get(p.itemId)!;
        const item: MediaItem = {
          ...facts,
          id: p.itemId,
          kind: 'image',
          prompt: ask.prompt,
          settings: { mode: ask.mode, n: ask.n, ...(ask.mode === 'generate' ? { size: ask.size } : {}) },
          // Charged per picture: each keeps its share.
          cost: cost !== null ? (cost / BigInt(ask.n)).toString() : undefined,
          mediaSha256: extra.sha,
          mediaType: p.mime,
          width: extra.width,
          height: extra.height,
          bytes: p.blob.size,
          sourceUrl: p.sourceUrl,
        };
        return [item, { media: p.blob, thumb: extra.thumb, source }];
      }),
    }),
  };
}

/**
 * The image studio's requests through the one media run skeleton: a generation or an edit sent as exact bytes, the
 * pictures checked and shown from Blobs of the bytes received, and each picture saved to history with its badge.
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
  const studio: MediaStudio<ImageAsk, ImageExchange, ImageRun> = {
    fresh: () => ({ pictures: [], refusals: [], msToPictures: null }),
    send: async (service, ask, once) => {
      const endpoint = `${service.url}/v1/proxy`;
      const outcome = await once({
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
      return { outcome };
    },
    read: (exchange, at) => readPictures(exchange, at, allowLocalHttp),
  };
  const media = useMediaRun({ store, chainId, owner, onRefused, studio });
  return { ...media, estimate: imageCost };
}
