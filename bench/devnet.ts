import { startDevnetProcess, stopDevnetProcess } from './process.js';
import { connectUser } from './test/helpers.js';

// `npm run bench`: start-up time of the devnet and round trips through a simulated provider.
// Prints figures; asserts nothing (targets are read by people, not enforced by tests).
const PORTS = { DEVNET_RPC_PORT: '48545', DEVNET_SIM_PORT: '48600' };
const STARTS = 3;
const REQUESTS = 20;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number) => `${x.toFixed(0)} ms`;

const startups: number[] = [];
const readyLines: string[] = [];
for (let i = 0; i < STARTS; i++) {
  const dn = await startDevnetProcess(PORTS);
  startups.push(dn.readyMs);
  readyLines.push(dn.output().match(/ready in ([\d.]+) s/)?.[1] ?? '?');
  if (i < STARTS - 1) await stopDevnetProcess(dn.child);
  else await measure(dn.manifest).finally(() => stopDevnetProcess(dn.child));
}
console.log(
  `devnet start-up (spawn to ready line), ${STARTS} runs: ${startups.map(ms).join(', ')}; median ${ms(median(startups))}`,
);
console.log(`ready line says (from process start): ${readyLines.map((s) => `${s} s`).join(', ')}`);

async function measure(manifest: Awaited<ReturnType<typeof startDevnetProcess>>['manifest']): Promise<void> {
  const { broker } = await connectUser(manifest, manifest.accounts[0]);
  const provider = manifest.providers.find((p) => p.name === 'chat-a')!;
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
    const reader = res.body!.getReader();
    await reader.read();
    if (stream) firstByte.push(performance.now() - t0);
    while (!(await reader.read()).done);
    if (!stream) plain.push(performance.now() - t0);
    const t1 = performance.now();
    const ok = await broker.inference.processResponse(provider.address, res.headers.get('ZG-Res-Key') ?? '');
    verify.push(performance.now() - t1);
    if (!ok) throw new Error('processResponse returned false for an honest provider');
  }
  console.log(`chat (non-streamed) round trip, median of ${plain.length}: ${ms(median(plain))}`);
  console.log(`chat (streamed) time to first byte, median of ${firstByte.length}: ${ms(median(firstByte))}`);
  console.log(`processResponse (signature fetch + check), median of ${verify.length}: ${ms(median(verify))}`);
}
