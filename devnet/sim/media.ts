import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, parseJson, parseMultipart } from './http.js';
import { sendImages } from './image-answer.js';
import { editUpload, refuseOversized } from './image-input.js';
import { drawPicture, parseSize } from './picture.js';
import { encodePng } from './png.js';
import type { ProviderRuntime, Served, SimContext } from './runtime.js';

const MAX_IMAGES = 4;

function imageCount(n: unknown): number {
  const value = n === undefined || n === null || n === '' ? 1 : Number(n);
  if (!Number.isInteger(value) || value < 1 || value > MAX_IMAGES) {
    throw new HttpError(400, `"n" must be a whole number from 1 to ${MAX_IMAGES}`, 'invalid_n');
  }
  return value;
}

function sizeOf(size: unknown): number {
  try {
    return parseSize(typeof size === 'string' ? size : undefined);
  } catch (e) {
    throw new HttpError(400, (e as Error).message, 'invalid_size');
  }
}

function responseFormat(value: unknown): 'b64_json' | 'url' {
  if (value === undefined || value === null || value === '' || value === 'b64_json') return 'b64_json';
  if (value === 'url') return 'url';
  throw new HttpError(400, '"response_format" must be "b64_json" or "url"', 'invalid_response_format');
}

/** 400 model_not_found unless the request names this provider's model (or none). */
export function checkModel(rt: ProviderRuntime, model: unknown): void {
  if (model !== undefined && model !== null && model !== '' && model !== rt.spec.model) {
    throw new HttpError(
      400,
      `This provider serves the model "${rt.spec.model}", not "${String(model)}"`,
      'model_not_found',
    );
  }
}

/** POST /v1/proxy/images/generations (JSON). */
export async function handleImageGeneration(
  rt: ProviderRuntime,
  res: ServerResponse,
  body: Buffer,
  ctx: SimContext,
): Promise<Served> {
  const req = parseJson<Record<string, unknown>>(body);
  checkModel(rt, req.model);
  if (typeof req.prompt !== 'string' || req.prompt.trim() === '') {
    throw new HttpError(400, '"prompt" must be a non-empty string', 'invalid_prompt');
  }
  const n = imageCount(req.n);
  const size = sizeOf(req.size);
  const format = responseFormat(req.response_format);
  const pngs = Array.from({ length: n }, (_, i) =>
    encodePng(drawPicture(i === 0 ? (req.prompt as string) : `${req.prompt as string}#${i}`, size), size, size),
  );
  return sendImages(rt, res, body, pngs, format, ctx);
}

/** POST /v1/proxy/images/edits (multipart: image as PNG, JPEG or WebP up to 4 MiB, prompt, model, n, size). */
export async function handleImageEdit(
  rt: ProviderRuntime,
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  ctx: SimContext,
): Promise<Served> {
  const form = await parseMultipart(req, body);
  checkModel(rt, form.get('model'));
  const image = form.get('image') ?? form.get('image[]');
  if (!(image instanceof Blob))
    throw new HttpError(400, 'Attach the image to edit as the "image" file field', 'missing_image');
  // Before reading the file: an oversized upload is refused without copying it.
  refuseOversized(image.size);
  const prompt = form.get('prompt');
  if (typeof prompt !== 'string' || prompt.trim() === '') {
    throw new HttpError(400, '"prompt" must be a non-empty string', 'invalid_prompt');
  }
  const edited = editUpload(Buffer.from(await image.arrayBuffer()), prompt);
  const n = imageCount(form.get('n'));
  const format = responseFormat(form.get('response_format'));
  const png = encodePng(edited.rgba, edited.width, edited.height);
  return sendImages(
    rt,
    res,
    body,
    Array.from({ length: n }, () => png),
    format,
    ctx,
  );
}
