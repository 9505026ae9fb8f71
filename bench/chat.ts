import { chromium, type Page, type Request } from '@playwright/test';
import type { Address } from 'viem';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.js';
import { DevnetControl } from '../e2e/devnet-control.js';
import { TestWallet } from '../e2e/test-wallet.js';
import { fundChatAccount } from './chat-fund.js';
import { COMPLETIONS, type MessageWindow } from './chat-figures.js';
import { installChatProbe, pageClock, PROBE, readProbe, type ChatProbe } from './chat-probe.js';
import { summarize, type ChatFigures } from './chat-summary.js';
import { readAsset, type AssetFile } from './first-visit.js';
import { logNodeRpc, pageRpcCall, type RpcCall } from './rpc-log.js';
import type { ServedApp } from './serve.js';

// Chatting in Chromium with the E2E Wallet: N messages one after the other in one page, each timed from the
// Enter key to its "Verified" badge, with the wallet prompts and JSON-RPC calls each one costs.
const MESSAGES = 10;
const ACCOUNT = 5;
const PROVIDER = 'chat-a';
/** A person reads an answer before typing the next; it also lets the previous answer's saves settle. */
const PAUSE_MS = 500;
const BADGE_TIMEOUT_MS = 60_000;
const KEEP_NAMES_SHIM =
  'globalThis.__name ??= (target, value) => Object.defineProperty(target, "name", { value, configurable: true });';

/** Funds an account, connects it through the UI in one page, sends the messages; closes the browser however it ends. */
export async function benchChat({ origin, manifest }: ServedApp): Promise<ChatFigures> {
  const provider = manifest.providers.find((p) => p.name === PROVIDER);
  if (!provider) throw new Error(`the devnet manifest has no ${PROVIDER} provider`);
  console.log(`bench: chat, funding account ${ACCOUNT} with a ${PROVIDER} sub-account`);
  const account = await fundChatAccount(manifest, ACCOUNT, provider.address as Address);
  const devnet = new DevnetControl(manifest);
  const rpcOrigin = new URL(manifest.rpcUrl).origin;
  const nodeRpc: RpcCall[] = [];
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const stopRpcLog = logNodeRpc(manifest.rpcUrl, nodeRpc);
  try {
    const page = await (await browser.newContext()).newPage();
    const wallet = new TestWallet(manifest);
    const pageRpc: Request[] = [];
    const completions: Request[] = [];
    const assets: Promise<AssetFile | null>[] = [];
    const errors: string[] = [];
    page.on('request', (req) => {
      if (new URL(req.url()).origin === rpcOrigin) pageRpc.push(req);
      else if (req.method() === 'POST' && req.url().includes(COMPLETIONS)) completions.push(req);
    });
    page.on('response', (res) => assets.push(readAsset(origin, res)));
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    // tsx compiles with esbuild's keepNames, which wraps inner functions in calls to a `__name` helper that
    // exists in Node only: the serialised init scripts (the wallet's too) need it in the page as well.
    await page.addInitScript({ content: KEEP_NAMES_SHIM });
    // The probe before the wallet, so it sees the wallet's announcement.
    await page.addInitScript(installChatProbe, { name: PROBE, walletRdns: 'dev.e2e.wallet' });
    await wallet.install(page, { account: ACCOUNT });
    await page.goto(`${origin}/chat?provider=${provider.address}`);
    await page.getByRole('button', { name: 'Connect wallet' }).first().click();
    await page.getByRole('dialog', { name: 'Connect a wallet' }).getByRole('button', { name: 'E2E Wallet' }).click();
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.waitFor();
    const connectWalletRequests = wallet.requests.map((r) => r.method);

    const windows: MessageWindow[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      console.log(`bench: chat message ${i + 1}/${MESSAGES}`);
      // The provider allows bursts of 5, then one request per 2 s: start each message with a full bucket.
      await devnet.reset();
      await page.getByRole('button', { name: 'Send', exact: true }).waitFor();
      await new Promise((r) => setTimeout(r, PAUSE_MS));
      await box.fill(`Bench message ${i + 1}: what is 0G Compute, in one sentence?`);
      const clock = await page.evaluate(pageClock);
      const walletBefore = wallet.requests.length;
      await box.press('Enter');
      await waitForBadge(page, i);
      const probe = await page.evaluate(readProbe, PROBE);
      const enter = probe.enters[i];
      if (enter === undefined || probe.enters.length !== i + 1)
        throw new Error(`expected ${i + 1} Enter presses, the page saw ${probe.enters.length}`);
      windows.push({ enter, offset: clock.epoch - clock.now, walletBefore, walletAfter: wallet.requests.length });
    }
    // Resource timing entries and Playwright's request timings arrive a little after the responses.
    await new Promise((r) => setTimeout(r, 1000));
    const finished = (r: Request) =>
      r.response().then(
        (res) => res?.finished(),
        () => null,
      );
    await Promise.all([...pageRpc, ...completions].map(finished));
    const summary = summarize({
      probe: await page.evaluate(readProbe, PROBE),
      windows,
      pageRpc: pageRpc.map(pageRpcCall),
      nodeRpc,
      completionsWall: completions.map(wallTiming),
      walletMethods: wallet.requests.map((r) => r.method),
      origin,
      files: (await Promise.all(assets)).filter((f): f is AssetFile => f !== null),
    });
    return {
      provider: PROVIDER,
      account,
      accountIndex: ACCOUNT,
      messages: MESSAGES,
      connectWalletRequests,
      ...summary,
      errors,
    };
  } finally {
    stopRpcLog();
    await browser.close();
  }
}

/** Waits until answer `i` has a settled badge; throws with what the answer shows when it never does. */
async function waitForBadge(page: Page, i: number): Promise<void> {
  const settled = ([name, index]: [string, number]) =>
    !!(globalThis as unknown as Record<string, ChatProbe>)[name]?.badges[index];
  await page
    .waitForFunction(settled, [PROBE, i] as [string, number], { polling: 100, timeout: BADGE_TIMEOUT_MS })
    .catch(async (err: unknown) => {
      const answer = page.getByRole('listitem', { name: /^Answer from/ }).nth(i);
      const shown = await answer.innerText({ timeout: 1000 }).catch(() => '(no answer shown)');
      throw new Error(`answer ${i + 1} got no settled badge: ${shown.slice(0, 300)}`, { cause: err });
    });
}

/** Playwright's view of a request on the wall clock: start, and last byte when it has finished. */
function wallTiming(req: Request): { start: number; end: number | null } {
  const t = req.timing();
  return { start: t.startTime, end: t.responseEnd >= 0 ? t.startTime + t.responseEnd : null };
}
