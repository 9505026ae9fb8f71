import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { transcribe } from './audio.js';
import { HttpError, parseJson, parseMultipart } from './http.js';
import { drawPicture, parseSize, transformPicture } from './picture.js';
import { decodePng, encodePng } from './png.js';
import { countTokens } from './reply.js';
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

function checkModel(rt: ProviderRuntime, model: unknown): void {
  if (model !== undefined && model !== null && model !== '' && model !== rt.spec.model) {
    throw new HttpError(
      400,
      `This provider serves the model "${rt.spec.model}", not "${String(model)}"`,
      'model_not_found',
    );
  }
}

/** Answers like the OpenAI images API; `url` images are served by the simulator itself. */
async function sendImages(
  rt: ProviderRuntime,
  res: ServerResponse,
  request: Buffer,
  pngs: Buffer[],
  format: 'b64_json' | 'url',
  ctx: SimContext,
): Promise<Served> {
  const data = pngs.map((png) => {
    if (format === 'b64_json') return { b64_json: png.toString('base64') };
    const name = `${randomUUID()}.png`;
    ctx.files.set(name, png);
    return { url: `${ctx.baseUrl}/files/${name}` };
  });
  const chatId = `img-${randomUUID()}`;
  const body = Buffer.from(JSON.stringify({ created: Math.floor(Date.now() / 1000), data }));
  await rt.signatures.sign(rt.signer, chatId, request, body);
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Length': String(body.length),
    'ZG-Res-Key': chatId,
  });
  res.end(body);
  return { chatId, fee: BigInt(pngs.length) * rt.spec.outputPrice };
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

/** POST /v1/proxy/images/edits (multipart: image, prompt, model, n, size). */
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
  const prompt = form.get('prompt');
  if (typeof prompt !== 'string' || prompt.trim() === '') {
    throw new HttpError(400, '"prompt" must be a non-empty string', 'invalid_prompt');
  }
  let decoded;
  try {
    decoded = decodePng(Buffer.from(await image.arrayBuffer()));
  } catch {
    throw new HttpError(400, 'The image must be a PNG file', 'invalid_image');
  }
  const n = imageCount(form.get('n'));
  const format = responseFormat(form.get('response_format'));
  const edited = encodePng(
    transformPicture(decoded.rgba, decoded.width, decoded.height, prompt),
    decoded.width,
    decoded.height,
  );
  return sendImages(
    rt,
    res,
    body,
    Array.from({ length: n }, () => edited),
    format,
    ctx,
  );
}

/** POST /v1/proxy/audio/transcriptions (multipart: file, model, response_format). */
export async function handleTranscription(
  rt: ProviderRuntime,
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
): Promise<Served> {
  const form = await parseMultipart(req, body);
  checkModel(rt, form.get('model'));
  const file = form.get('file');
  if (!(file instanceof Blob) || file.size === 0) {
    throw new HttpError(400, 'Attach the audio as the "file" field', 'missing_file');
  }
  const format = form.get('response_format') ?? 'json';
  if (format !== 'json' && format !== 'text' && format !== 'verbose_json') {
    throw new HttpError(400, '"response_format" must be json, text or verbose_json', 'invalid_response_format');
  }
  const audio = Buffer.from(await file.arrayBuffer());
  const { text, durationSeconds } = transcribe(audio, file instanceof File ? file.name : 'audio');
  // Whisper-style audio tokens: about 10 per second of audio.
  const usage = {
    type: 'tokens',
    input_tokens: Math.ceil(durationSeconds * 10),
    output_tokens: countTokens(text),
    total_tokens: 0,
  };
  usage.total_tokens = usage.input_tokens + usage.output_tokens;
  const chatId = `stt-${randomUUID()}`;
  const payload =
    format === 'text'
      ? Buffer.from(text)
      : Buffer.from(
          JSON.stringify(
            format === 'verbose_json'
              ? { task: 'transcribe', language: 'english', duration: durationSeconds, text, usage }
              : { text, usage },
          ),
        );
  await rt.signatures.sign(rt.signer, chatId, body, payload);
  res.writeHead(200, {
    'Content-Type': format === 'text' ? 'text/plain; charset=utf-8' : 'application/json',
    'Content-Length': String(payload.length),
    'ZG-Res-Key': chatId,
  });
  res.end(payload);
  return {
    chatId,
    fee: BigInt(usage.input_tokens) * rt.spec.inputPrice + BigInt(usage.output_tokens) * rt.spec.outputPrice,
  };
}
