import path from 'node:path';
import { freePorts } from '../devnet/ports.js';
import { startDevnetProcess, stopDevnetProcess } from '../devnet/process.js';
import { connectUser } from '../devnet/test/helpers.js';
import { median } from './stats.js';

// Start-up time of the devnet and round trips through a simulated provider. Figures only: the
// targets are read by people, not enforced by tests.
// Inside the git-ignored bench/.tmp rather than a fresh mkdtemp per start, so runs leave nothing in /tmp.
const DEVNET_DIR = path.resolve(import.meta.dirname, '.tmp', 'devnet');
const STARTS = 3;
const REQUESTS = 20;

type Manifest = Awaited<ReturnType<typeof startDevnetProcess>>['manifest'];

export interface ChatFigures {
  /** Non-streamed chat completion, request to last byte. */
  plainMs: number;
  /** Streamed chat completion, request to first byte. */
  firstByteMs: number;
  /** `processResponse`: signature fetch and check. */
  verifyMs: number;
  requests: number;
}

export interface DevnetFigures {
  /** Spawn to ready line, one per start. */
  startupMs: number[];
  startupMedianMs: number;
  /** What the ready line itself says (measured from process start, so without the spawn), in seconds. */
  readyLineS: (number | null)[];
  /** Medians over the requests against `chat-a`. */
  chat: ChatFigures;
}

/** Starts the devnet a few times, then measures chat round trips on the last one; always stops it. */
export async function benchDevnet(): Promise<DevnetFigures> {
  const startupMs: number[] = [];
  const readyLineS: (number | null)[] = [];
  let chat: ChatFigures | undefined;
  for (let i = 0; i < STARTS; i++) {
    console.log(`bench: devnet start ${i + 1}/${STARTS}`);
    // Ports free at the time, so the bench runs beside `npm start`, the tests or another bench.
    const { rpc, sim } = await freePorts(['rpc', 'sim']);
    const dn = await startDevnetProcess({ DEVNET_RPC_PORT: String(rpc), DEVNET_SIM_PORT: String(sim), DEVNET_DIR });
    try {
      startupMs.push(dn.readyMs);
      const said = dn.output().match(/ready in ([\d.]+) s/)?.[1];
      readyLineS.push(said === undefined ? null : Number(said));
      if (i === STARTS - 1) chat = await measureChat(dn.manifest);
    } finally {
      await stopDevnetProcess(dn.child);
    }
  }
  if (!chat) throw new Error('the devnet bench measured no chat round trips');
  return { startupMs, startupMedianMs: median(startupMs), readyLineS, chat };
}

async function measureChat(manifest: Manifest): Promise<ChatFigures> {
  console.log(`bench: ${REQUESTS} chat requests through the simulator (paced under its rate limit)`);
  const { broker } = await connectUser(manifest, manifest.accounts[0]);
  const provider = manifest.providers.find((p) => p.name === 'chat-a');
  if (!provider) throw new Error('the devnet manifest has no chat-a provider');
  await broker.ledger.addLedger(10);
  await broker.ledger.transferFund(provider.address, 'inference', 5n * 10n ** 18n);
  const { endpoint, model } = await broker.inference.getServiceMetadata(provider.address);
  const plain: number[] = [];
  const firstByte: number[] = [];
  const verify: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    // Stay under the provider's rate limit (30/min, burst 5) so the figures measure latency, not 429s.
    if (i >= 4) await new Promise((r) => setTimeout(r, 2100));
    const headers = await broker.inference.getRequestHeaders(provider.address);
    const stream = i % 2 === 1;
    const t0 = performance.now();
    const res = await fetch(`${endpoint}/chat/completions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ model, stream, messages: [{ role: 'user', content: `bench ${i}` }] }),
    });
    if (!res.ok || !res.body) throw new Error(`chat request ${i} answered ${res.status}: ${await res.text()}`);
    const reader = res.body.getReader();
    await reader.read();
    if (stream) firstByte.push(performance.now() - t0);
    while (!(await reader.read()).done);
    if (!stream) plain.push(performance.now() - t0);
    const t1 = performance.now();
    const ok = await broker.inference.processResponse(provider.address, res.headers.get('ZG-Res-Key') ?? '');
    verify.push(performance.now() - t1);
    if (!ok) throw new Error('processResponse returned false for an honest provider');
  }
  return { plainMs: median(plain), firstByteMs: median(firstByte), verifyMs: median(verify), requests: REQUESTS };
}
