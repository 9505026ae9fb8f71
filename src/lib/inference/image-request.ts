import type { Service } from '../chain/services';
import { buildMultipart, type MultipartPart } from '../media/multipart';
import type { Exchange } from './exchange';
import { postBytes } from './post-bytes';

/**
 * A text-to-image request. `b64_json` always: the picture's own bytes then sit inside the signed
 * response, where `url` would sign only a link whose target can change.
 */
export interface ImageGenerationBody {
  model: string;
  prompt: string;
  size: string;
  n: number;
  response_format: 'b64_json';
}

/** One image request: the exact bytes both ways; image APIs report no token usage. */
export interface ImageExchange extends Exchange {
  usage: null;
  msTotal: number;
}

interface Common {
  /** `{service url}/v1/proxy` */
  endpoint: string;
  authorization: string;
  signal: AbortSignal;
  timeoutMs?: number;
}

/** The JSON body of a text-to-image request, always asking for the pictures inline. */
export function imageGenerationBody({
  model,
  prompt,
  size,
  n,
}: Omit<ImageGenerationBody, 'response_format'>): ImageGenerationBody {
  return { model, prompt, size, n, response_format: 'b64_json' };
}

async function send(
  req: Common,
  path: string,
  requestBytes: Uint8Array<ArrayBuffer>,
  contentType: string,
): Promise<ImageExchange> {
  const res = await postBytes({
    url: `${req.endpoint}${path}`,
    bytes: requestBytes,
    contentType,
    authorization: req.authorization,
    signal: req.signal,
    timeoutMs: req.timeoutMs,
  });
  return {
    requestBytes,
    responseBytes: res.responseBytes,
    chatId: res.chatId,
    usage: null,
    problem: null,
    msTotal: res.msTotal,
  };
}

/** Sends a text-to-image request; the JSON is encoded once, and those bytes are both sent and kept. */
export function sendImageGeneration(req: Common & { body: ImageGenerationBody }): Promise<ImageExchange> {
  const requestBytes = new TextEncoder().encode(JSON.stringify(req.body));
  return send(req, '/images/generations', requestBytes, 'application/json');
}

export interface ImageEditRequest extends Common {
  image: { bytes: Uint8Array; mime: string; name: string };
  prompt: string;
  model: string;
  n: number;
  size?: string;
}

/** The multipart parts of an image edit, in the order they are sent. */
export function imageEditParts(req: Omit<ImageEditRequest, keyof Common>): MultipartPart[] {
  return [
    { name: 'model', value: req.model },
    { name: 'prompt', value: req.prompt },
    { name: 'n', value: String(req.n) },
    ...(req.size === undefined ? [] : [{ name: 'size', value: req.size }]),
    { name: 'response_format', value: 'b64_json' },
    { name: 'image', filename: req.image.name, contentType: req.image.mime, data: req.image.bytes },
  ];
}

/** Sends an image edit as a multipart body built here, so the bytes kept are exactly the bytes sent. */
export function sendImageEdit(req: ImageEditRequest): Promise<ImageExchange> {
  const body = buildMultipart(imageEditParts(req));
  return send(req, '/images/edits', body.bytes, body.contentType);
}

/** What `pictures` images cost in neuron: image services price one picture as input plus output price. */
export function imageCost(service: Pick<Service, 'inputPrice' | 'outputPrice'>, pictures: number): bigint {
  if (!Number.isSafeInteger(pictures) || pictures < 0)
    throw new Error('The number of pictures must be a whole number.');
  return BigInt(pictures) * (service.inputPrice + service.outputPrice);
}
