import { chromium, type Page } from '@playwright/test';
import { sha256, type Address } from 'viem';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.js';
import { DevnetControl } from '../e2e/devnet-control.js';
import { TestWallet } from '../e2e/test-wallet.js';
import { transcriptionParts } from '../src/lib/inference/speech-request';
import { buildMultipart } from '../src/lib/media/multipart';
import { fundChatAccount } from './chat-fund.js';
import { readAsset, type AssetFile } from './first-visit.js';
import type { ServedApp } from './serve.js';
import {
  installSpeechProbe,
  readSpeechProbe,
  SPEECH_PROBE,
  summarizeSpeech,
  type OverheadFigures,
  type SpeechFigures,
  type SpeechProbe,
} from './speech-summary.js';
import { median } from './stats.js';

// The speech studio in Chromium with the E2E Wallet: one 60 s WAV uploaded, then transcribed several times in one
// page, each press timed from the click on Transcribe to the transcript shown and to its badge. Before that, the
// app's own work on a 20 MB upload (the multipart body, its sha256), timed in Node with the app's modules.
const PRESSES = 5;
const ACCOUNT = 27;
const PROVIDER = 'speech';
const SECONDS = 60;
const RATE = 16_000;
const OVERHEAD_BYTES = 20 * 1024 * 1024;
const OVERHEAD_RUNS = 5;
/** Lets the previous transcript's save settle, as a person reading it would. */
const PAUSE_MS = 500;
const BADGE_TIMEOUT_MS = 60_000;
// The same shim as bench/chat.ts: tsx's keepNames wraps inner functions in a `__name` helper the page lacks.
const KEEP_NAMES_SHIM =
  'globalThis.__name ??= (target, value) => Object.defineProperty(target, "name", { value, configurable: true });';

/** Times the body and hash, funds an account, uploads the WAV in one page and transcribes it; closes the browser. */
export async function benchSpeech({ origin, manifest }: ServedApp): Promise<SpeechFigures> {
  const provider = manifest.providers.find((p) => p.name === PROVIDER);
  if (!provider) throw new Error(`the devnet manifest has no ${PROVIDER} provider`);
  console.log(`bench: speech, the multipart body and sha256 of a ${OVERHEAD_BYTES / 1024 / 1024} MB WAV in Node`);
  const overhead = measureOverhead(provider.model);
  console.log(`bench: speech, funding account ${ACCOUNT} with a ${PROVIDER} sub-account`);
  const account = await fundChatAccount(manifest, ACCOUNT, provider.address as Address);
  const devnet = new DevnetControl(manifest);
  const audio = toneWav(SECONDS * RATE);
  const name = `tone-${SECONDS}s.wav`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext()).newPage();
    const wallet = new TestWallet(manifest);
    const assets: Promise<AssetFile | null>[] = [];
    const errors: string[] = [];
    page.on('response', (res) => assets.push(readAsset(origin, res)));
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    await page.addInitScript({ content: KEEP_NAMES_SHIM });
    await page.addInitScript(installSpeechProbe, SPEECH_PROBE);
    await wallet.install(page, { account: ACCOUNT });
    await page.goto(`${origin}/speech?provider=${provider.address}`);
    await page.getByRole('button', { name: 'Connect wallet' }).first().click();
    await page.getByRole('dialog', { name: 'Connect a wallet' }).getByRole('button', { name: 'E2E Wallet' }).click();
    // The price check before sending needs the sub-account read; without it Transcribe only says why not.
    const sub = page.getByRole('group', { name: 'Sub-account' }).filter({ hasText: /Sub-account [\d.]+ 0G/ });
    await sub.waitFor({ timeout: 15_000 });
    const connectWalletRequests = wallet.requests.map((r) => r.method);

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose an audio file' }).click();
    await (await chooser).setFiles({ name, mimeType: 'audio/wav', buffer: Buffer.from(audio) });
    await page.getByText(`Ready: ${name}`).waitFor({ timeout: 10_000 });

    const transcribe = page.getByRole('button', { name: 'Transcribe', exact: true });
    const walletRequests: string[][] = [];
    for (let i = 0; i < PRESSES; i++) {
      console.log(`bench: speech transcription ${i + 1}/${PRESSES}`);
      // Each press starts with a full rate-limit bucket at the provider.
      await devnet.reset();
      await transcribe.waitFor();
      await new Promise((r) => setTimeout(r, PAUSE_MS));
      const before = wallet.requests.length;
      await transcribe.click();
      await waitForTranscript(page, i);
      walletRequests.push(wallet.requests.slice(before).map((r) => r.method));
    }
    const summary = summarizeSpeech({
      probe: await page.evaluate(readSpeechProbe, SPEECH_PROBE),
      walletRequests,
      origin,
      files: (await Promise.all(assets.slice())).filter((f): f is AssetFile => f !== null),
    });
    return {
      provider: PROVIDER,
      account,
      accountIndex: ACCOUNT,
      audio: { name, seconds: SECONDS, bytes: audio.length },
      presses: PRESSES,
      connectWalletRequests,
      ...summary,
      overhead,
      errors,
    };
  } finally {
    await browser.close();
  }
}

type Probes = Record<string, SpeechProbe | undefined>;

/** Waits for press `i`'s badge to settle, then checks by role that the newest article shows that badge. */
async function waitForTranscript(page: Page, i: number): Promise<void> {
  const settled = ([name, index]: [string, number]) => !!(globalThis as unknown as Probes)[name]?.badges[index];
  const run = page.getByRole('region', { name: "This visit's transcripts" }).getByRole('article').first();
  await page
    .waitForFunction(settled, [SPEECH_PROBE, i] as [string, number], { polling: 100, timeout: BADGE_TIMEOUT_MS })
    .catch(async (err: unknown) => {
      const shown = await run.innerText({ timeout: 1000 }).catch(() => '(no transcript shown)');
      throw new Error(`transcription ${i + 1} got no settled badge: ${shown.slice(0, 300)}`, { cause: err });
    });
  const badge = (await page.evaluate(readSpeechProbe, SPEECH_PROBE)).badges[i];
  await run.getByRole('button', { name: badge?.text, exact: true }).first().waitFor({ timeout: 1000 });
}

/** A WAV of `samples` 16-bit mono samples at 16 kHz: a 440 Hz tone at a quarter of full scale. */
function toneWav(samples: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(44 + samples * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string) => [...text].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, bytes.length - 8, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // the PCM format chunk's size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // one channel
  view.setUint32(24, RATE, true);
  view.setUint32(28, RATE * 2, true); // bytes per second
  view.setUint16(32, 2, true); // bytes per sample frame
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, samples * 2, true);
  const step = (2 * Math.PI * 440) / RATE;
  for (let i = 0; i < samples; i++) view.setInt16(44 + i * 2, Math.round(8192 * Math.sin(i * step)), true);
  return bytes;
}

/**
 * The studio's work before and after sending a large file, with its own code: the multipart body
 * (transcriptionParts + buildMultipart, as sendTranscription builds it) and viem's sha256 of that body.
 */
function measureOverhead(model: string): OverheadFigures {
  const audio = toneWav((OVERHEAD_BYTES - 44) / 2);
  const parts = transcriptionParts({
    audio: { bytes: audio, mime: 'audio/wav', name: 'tone-20mb.wav' },
    model,
    responseFormat: 'verbose_json',
  });
  const buildMs: number[] = [];
  const sha256Ms: number[] = [];
  let bodyBytes = 0;
  for (let i = 0; i < OVERHEAD_RUNS; i++) {
    const t0 = performance.now();
    const body = buildMultipart(parts);
    const t1 = performance.now();
    sha256(body.bytes);
    const t2 = performance.now();
    bodyBytes = body.bytes.length;
    buildMs.push(Math.round((t1 - t0) * 10) / 10);
    sha256Ms.push(Math.round((t2 - t1) * 10) / 10);
  }
  return {
    audioBytes: audio.length,
    bodyBytes,
    buildMs,
    sha256Ms,
    buildMedianMs: median(buildMs),
    sha256MedianMs: median(sha256Ms),
  };
}
