import type { IncomingMessage, ServerResponse } from 'node:http';

/** Headers a browser app must be able to read from a provider response. */
export const EXPOSED_HEADERS = 'ZG-Res-Key, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining';

/** CORS as a real provider broker serves it: any origin, Authorization allowed, ZG-Res-Key readable. */
export function applyCors(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  // `*` does not cover Authorization in the Fetch spec, so echo what the preflight asks for.
  res.setHeader(
    'Access-Control-Allow-Headers',
    req.headers['access-control-request-headers'] ?? 'Authorization, Content-Type',
  );
  res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  res.setHeader('Access-Control-Max-Age', '600');
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code = 'error',
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Reads the whole request body, refusing more than `limit` bytes with 413. */
export async function readBody(req: IncomingMessage, limit = 25 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new HttpError(413, `Request body is larger than ${limit} bytes`, 'too_large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON body or answers 400 with a plain sentence. */
export function parseJson<T>(body: Buffer): T {
  try {
    return JSON.parse(body.toString('utf8')) as T;
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON', 'invalid_json');
  }
}

/** Parses multipart/form-data with the platform's own parser (undici's Request.formData). */
export async function parseMultipart(req: IncomingMessage, body: Buffer): Promise<FormData> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data')) {
    throw new HttpError(400, 'Expected a multipart/form-data body', 'invalid_content_type');
  }
  try {
    return await new Request('http://local/', { method: 'POST', headers: { 'content-type': type }, body }).formData();
  } catch {
    throw new HttpError(400, 'The multipart body could not be parsed', 'invalid_multipart');
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): Buffer {
  // bigint (neuron amounts) travels as a decimal string.
  const body = Buffer.from(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(body.length), ...headers });
  res.end(body);
  return body;
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string | Buffer,
  type = 'text/plain; charset=utf-8',
): void {
  const body = typeof text === 'string' ? Buffer.from(text) : text;
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': String(body.length) });
  res.end(body);
}

/** OpenAI-style error body: `{error: {message, type, code}}`. */
export function sendError(res: ServerResponse, err: HttpError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(
    res,
    err.status,
    { error: { message: err.message, type: 'invalid_request_error', code: err.code } },
    err.headers,
  );
}
