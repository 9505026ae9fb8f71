import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { getAddress, isAddress } from 'ethers';
import { authorize } from './auth.js';
import { handleChat } from './chat.js';
import { createControl } from './control.js';
import { UserFaults } from './fault-scope.js';
import { applyCors, HttpError, readBody, sendError, sendJson, sendText } from './http.js';
import { HEALTH_ANSWERS, HealthBook, healthBody, healthReport, trackResponse, type HealthAnswer } from './health.js';
import { handleImageEdit, handleImageGeneration } from './media.js';
import { attestationReport } from './quote.js';
import { rateLimited } from './rate-limit.js';
import { sleep, type ProviderRuntime, type Served, type SimContext } from './runtime.js';
import { handleTranscription } from './transcription.js';

export interface SubService {
  handle: (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void>;
}

export interface SimulatorOptions {
  ctx: SimContext;
  providers: ProviderRuntime[];
  fineTuning?: { name: string; service: SubService };
  /** Extra control actions (e.g. jumping chain time) supplied by the devnet. */
  control?: Record<string, (body: Record<string, unknown>) => Promise<unknown>>;
  /** A stranger's address for `bad-signer` reports. */
  stranger: string;
}

const OPS: Record<string, string> = {
  'chat/completions': 'chatbot',
  'images/generations': 'text-to-image',
  'images/edits': 'image-editing',
  'audio/transcriptions': 'speech-to-text',
};

/** The provider simulator: one HTTP server, each provider under its own URL prefix. */
export function createSimulator(opts: SimulatorOptions): Server {
  const byName = new Map(opts.providers.map((p) => [p.spec.name, p]));
  const userFaults = new UserFaults();
  // What each provider really served, for the status JSON at /_health (0G's status service shape).
  const health = new HealthBook();
  let healthAnswer: HealthAnswer = 'good';
  const setHealthAnswer = async (body: Record<string, unknown>) => {
    if (!HEALTH_ANSWERS.includes(body.answer as HealthAnswer))
      throw new HttpError(400, `answer must be one of ${HEALTH_ANSWERS.join(', ')}`, 'invalid_fault');
    healthAnswer = body.answer as HealthAnswer;
    return { answer: healthAnswer };
  };
  const control = createControl({
    providers: opts.providers,
    userFaults,
    extra: { ...opts.control, health: setHealthAnswer },
  });
  const reported = opts.providers.map((p) => ({ ...p.spec, address: p.address }));

  async function inference(
    base: ProviderRuntime,
    op: string,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    if (OPS[op] !== base.spec.serviceType) {
      throw new HttpError(
        404,
        `This provider is a ${base.spec.serviceType} service: ${op} is not served here`,
        'not_found',
      );
    }
    const body = await readBody(req);
    if (base.faults.latencyMs > 0) await sleep(base.faults.latencyMs);
    const { user, available } = await authorize(req.headers.authorization, base.address, opts.ctx.inference);
    // A user's own faults replace the provider-wide ones; the handlers read them from this view.
    const faults = userFaults.resolve(base.spec.name, user, base.faults);
    const rt: ProviderRuntime = faults === base.faults ? base : { ...base, faults };
    if (rt !== base && faults.latencyMs > 0) await sleep(faults.latencyMs);
    const owed = rt.fees.unsettledFee(user);
    if (available <= owed) {
      throw new HttpError(
        402,
        `The sub-account for this provider is used up (locked ${available} neuron, ${owed} neuron not yet settled): transfer more funds to it`,
        'insufficient_balance',
      );
    }
    // Before the limiter, so the fault spends none of the user's requests.
    if (rt.faults.http429NoRetryAfter) throw rateLimited('Rate limit exceeded (simulated, no Retry-After)', null);
    const release = rt.limiter.acquire(user);
    res.once('close', release);
    if (rt.faults.http500) throw new HttpError(500, 'Simulated internal error', 'internal_error');
    let served: Served | null;
    if (op === 'chat/completions') served = await handleChat(rt, res, body, opts.ctx);
    else if (op === 'images/generations') served = await handleImageGeneration(rt, res, body, opts.ctx);
    else if (op === 'images/edits') served = await handleImageEdit(rt, req, res, body, opts.ctx);
    else served = await handleTranscription(rt, req, res, body);
    if (served) rt.fees.add(user, served.fee, served.chatId);
  }

  async function provider(rt: ProviderRuntime, rest: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(rest, 'http://local');
    const path = url.pathname;
    if (method === 'GET' && (path === '/v1/quote' || path === '/v1/proxy/attestation/report')) {
      sendText(
        res,
        200,
        attestationReport(rt.teeKey.address, rt.spec.model, rt.faults.quote, opts.stranger),
        'application/json',
      );
      return;
    }
    const sig = path.match(/^\/v1\/proxy\/signature\/([^/]+)$/);
    if (method === 'GET' && sig) {
      if (rt.faults.signatureDown) throw new HttpError(503, 'The signature service is unavailable', 'unavailable');
      const record = rt.signatures.get(decodeURIComponent(sig[1] ?? ''));
      if (!record) throw new HttpError(404, 'No signature for this chat ID', 'not_found');
      sendJson(res, 200, { text: record.text, signature: record.signature, signing_algo: 'ecdsa' });
      return;
    }
    if (method === 'GET' && path === '/v1/proxy/models') {
      sendJson(res, 200, { object: 'list', data: [{ id: rt.spec.model, object: 'model', owned_by: rt.address }] });
      return;
    }
    const fee = path.match(/^\/v1\/user\/([^/]+)\/unsettledfee$/);
    if (method === 'GET' && fee) {
      const user = fee[1] ?? '';
      if (!isAddress(user)) throw new HttpError(400, 'Not an address', 'invalid_address');
      sendJson(res, 200, { unsettledFee: rt.fees.unsettledFee(getAddress(user)).toString() });
      return;
    }
    const op = path.match(/^\/v1\/proxy\/(.+)$/)?.[1];
    if (method === 'POST' && op) return inference(rt, op, req, res);
    throw new HttpError(404, `No route ${method} ${path}`, 'not_found');
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const [, first = '', rest = ''] = url.match(/^\/([^/?]*)(.*)$/) ?? [];
    const named = byName.get(first);
    if (named?.faults.down) {
      // A host that is gone answers nothing, not even a preflight: the connection just drops.
      health.record(named.spec.name, {
        ok: false,
        inference: false,
        responseMs: 0,
        ttftMs: null,
        tokensPerSecond: null,
        at: Date.now(),
      });
      req.socket.destroy();
      return;
    }
    applyCors(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    if (first === '') {
      return void sendJson(res, 200, {
        providers: opts.providers.map((p) => ({
          name: p.spec.name,
          address: p.address,
          url: p.url,
          model: p.spec.model,
        })),
      });
    }
    if (first === '_health' && req.method === 'GET') {
      return void sendText(
        res,
        200,
        healthBody(healthAnswer, () => healthReport(reported, health)),
        'application/json',
      );
    }
    if (first === '_control') {
      if (rest.replace(/^\/+/, '') === 'reset') healthAnswer = 'good';
      return control(rest, req, res);
    }
    if (first === 'files' && req.method === 'GET') {
      const file = opts.ctx.files.get(rest.replace(/^\//, ''));
      if (!file) throw new HttpError(404, 'No such file', 'not_found');
      return void sendText(res, 200, file, 'image/png');
    }
    if (opts.fineTuning && first === opts.fineTuning.name) return opts.fineTuning.service.handle(req, res, rest || '/');
    if (!named) throw new HttpError(404, `No provider named "${first}"`, 'not_found');
    trackResponse(req, res, (sample) => health.record(named.spec.name, sample));
    if (named.faults.slowMs > 0) await sleep(named.faults.slowMs);
    return provider(named, rest || '/', req, res);
  }

  return createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      const httpErr =
        err instanceof HttpError
          ? err
          : new HttpError(500, 'The simulator failed: ' + String((err as Error)?.message ?? err), 'internal_error');
      if (!(err instanceof HttpError)) console.error('[simulator]', err);
      sendError(res, httpErr);
    });
  });
}
