import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { answerSigner, isTampering } from './answer-faults.js';
import type { ImageAnswer } from './faults.js';
import type { ProviderRuntime, Served, SimContext } from './runtime.js';
import { tamperBytes } from './tamper.js';

type Entry = { b64_json: string } | { url: string };

/** Links and bytes an app must refuse to show, for the `imageAnswer` fault. */
const HOSTILE: Record<Exclude<ImageAnswer, 'honest' | 'url'>, Entry> = {
  'javascript-url': { url: 'javascript:alert(document.domain)' },
  'data-html-url': { url: 'data:text/html,<script>alert(1)</script>' },
  'http-url': { url: 'http://example.com/x.png' },
  'not-image': { b64_json: Buffer.from('<html><script>alert(1)</script></html>').toString('base64') },
};

/** Keeps a file for GET /files/{name} and links to it. */
function link(ctx: SimContext, bytes: Buffer): Entry {
  const name = `${randomUUID()}.png`;
  ctx.files.set(name, bytes);
  return { url: `${ctx.baseUrl}/files/${name}` };
}

function entryFor(png: Buffer, format: 'b64_json' | 'url', answer: ImageAnswer, ctx: SimContext): Entry {
  if (answer === 'honest') return format === 'b64_json' ? { b64_json: png.toString('base64') } : link(ctx, png);
  if (answer === 'url') return link(ctx, png);
  return HOSTILE[answer];
}

/** The same entry with other content: other image bytes, or a link to an altered copy of our own file. */
function tamperEntry(entry: Entry, ctx: SimContext): Entry {
  if ('b64_json' in entry) return { b64_json: tamperBytes(Buffer.from(entry.b64_json, 'base64')).toString('base64') };
  const prefix = `${ctx.baseUrl}/files/`;
  const own = entry.url.startsWith(prefix) ? ctx.files.get(entry.url.slice(prefix.length)) : undefined;
  return own ? link(ctx, tamperBytes(own)) : { url: `${entry.url}#altered` };
}

/** Answers like the OpenAI images API, signed over the bytes of the honest answer; `url` images are served by the simulator. */
export async function sendImages(
  rt: ProviderRuntime,
  res: ServerResponse,
  request: Buffer,
  pngs: Buffer[],
  format: 'b64_json' | 'url',
  ctx: SimContext,
): Promise<Served> {
  const data = pngs.map((png) => entryFor(png, format, rt.faults.imageAnswer, ctx));
  const created = Math.floor(Date.now() / 1000);
  const chatId = `img-${randomUUID()}`;
  const body = Buffer.from(JSON.stringify({ created, data }));
  const sent = isTampering(rt)
    ? Buffer.from(JSON.stringify({ created, data: data.map((e) => tamperEntry(e, ctx)) }))
    : body;
  await rt.signatures.sign(answerSigner(rt), chatId, request, body);
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Length': String(sent.length),
    'ZG-Res-Key': chatId,
  });
  res.end(sent);
  return { chatId, fee: BigInt(pngs.length) * rt.spec.outputPrice };
}
