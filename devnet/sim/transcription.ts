import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerSigner, isTampering } from './answer-faults.js';
import { transcribe } from './audio.js';
import { HttpError, parseMultipart } from './http.js';
import { checkModel } from './media.js';
import { countTokens } from './reply.js';
import type { ProviderRuntime, Served } from './runtime.js';
import { transcriptSegments } from './segments.js';
import { changeWord } from './tamper.js';

type Format = 'json' | 'text' | 'verbose_json';

/** The `language` field: absent, or a two-letter lowercase code (ISO 639-1 style), echoed in verbose_json. */
export function parseLanguage(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' && /^[a-z]{2}$/.test(value)) return value;
  const shown = typeof value === 'string' ? ` "${value.slice(0, 40)}"` : '';
  throw new HttpError(
    400,
    `Unsupported language${shown}: use a two-letter code such as "en" or "fr"`,
    'unsupported_language',
  );
}

function responseFormat(value: unknown, rt: ProviderRuntime): Format {
  const format = value ?? 'json';
  if (format !== 'json' && format !== 'text' && format !== 'verbose_json') {
    throw new HttpError(400, '"response_format" must be json, text or verbose_json', 'invalid_response_format');
  }
  if (format === 'verbose_json' && rt.faults.refuseVerboseJson) {
    throw new HttpError(
      400,
      '"verbose_json" is not supported by this provider: use json or text',
      'unsupported_response_format',
    );
  }
  return format;
}

/** POST /v1/proxy/audio/transcriptions (multipart: file, model, response_format, language). */
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
  const format = responseFormat(form.get('response_format'), rt);
  const language = parseLanguage(form.get('language'));
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
  const payload = (transcript: string): Buffer => {
    if (format === 'text') return Buffer.from(transcript);
    if (format === 'json') return Buffer.from(JSON.stringify({ text: transcript, usage }));
    const segments = transcriptSegments(transcript, durationSeconds);
    return Buffer.from(
      JSON.stringify({
        task: 'transcribe',
        language: language ?? 'english',
        duration: durationSeconds,
        text: segments.map((s) => s.text).join(' '),
        segments,
        usage,
      }),
    );
  };
  const honest = payload(text);
  const sent = isTampering(rt) ? payload(changeWord(text)) : honest;
  await rt.signatures.sign(answerSigner(rt), chatId, body, honest);
  res.writeHead(200, {
    'Content-Type': format === 'text' ? 'text/plain; charset=utf-8' : 'application/json',
    'Content-Length': String(sent.length),
    'ZG-Res-Key': chatId,
  });
  res.end(sent);
  return {
    chatId,
    fee: BigInt(usage.input_tokens) * rt.spec.inputPrice + BigInt(usage.output_tokens) * rt.spec.outputPrice,
  };
}
