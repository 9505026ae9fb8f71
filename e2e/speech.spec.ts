import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import type { ManifestProvider } from '../devnet/manifest';
import { fundAccount, signatures } from './chat-helpers';
import { expect, test } from './fixtures';

// The speech studio on the devnet: an uploaded WAV and a recording from Chromium's fake microphone transcribed
// through the one pipeline, each transcript checked against the bytes sent and received, subtitles, the player
// following the segments, the control modes, and history. Account 26 has a ledger and a sub-account with `speech`.

const USER = 26;

test.beforeAll(async ({ manifest }) => {
  await fundAccount(manifest, USER, [manifest.providers.find((p) => p.name === 'speech')!]);
});

test.beforeEach(async ({ devnet }) => {
  await devnet.reset();
});

/** A mono 16-bit WAV of `seconds` of a 440 Hz tone. */
function wav(seconds: number, rate = 16_000): Buffer {
  const samples = Math.round(seconds * rate);
  const out = Buffer.alloc(44 + samples * 2);
  out.write('RIFF', 0);
  out.writeUInt32LE(36 + samples * 2, 4);
  out.write('WAVEfmt ', 8);
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20);
  out.writeUInt16LE(1, 22);
  out.writeUInt32LE(rate, 24);
  out.writeUInt32LE(rate * 2, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36);
  out.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++)
    out.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), 44 + i * 2);
  return out;
}

async function openStudio(page: Page, provider: ManifestProvider) {
  await page.goto(`/speech?provider=${provider.address}`);
  await page.getByRole('button', { name: 'Connect wallet' }).first().click();
  await page.getByRole('dialog', { name: 'Connect a wallet' }).getByRole('button', { name: 'E2E Wallet' }).click();
  await expect(page.getByLabel('Sub-account')).toContainText(/Sub-account [\d.]+ 0G/, { timeout: 15_000 });
}

async function upload(page: Page, name: string, buffer: Buffer, mimeType = 'audio/wav') {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /Choose an audio file/ }).click();
  await (await chooser).setFiles({ name, mimeType, buffer });
}

const latest = (page: Page) =>
  page.getByRole('region', { name: "This visit's transcripts" }).getByRole('article').first();
const badge = (where: Locator, text: string) => where.getByRole('button', { name: text, exact: true });

async function transcribe(page: Page, verdict: string) {
  await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
  const run = latest(page);
  await expect(badge(run, verdict)).toBeVisible({ timeout: 20_000 });
  return run;
}

/** Cues of an SRT file: start and end in seconds, and text. */
function parseSrt(text: string) {
  const time = (t: string) => {
    const [h, m, s] = t.replace(',', '.').split(':').map(Number);
    return h! * 3600 + m! * 60 + s!;
  };
  return text
    .trim()
    .split(/\r?\n\r?\n/)
    .map((block) => {
      const lines = block.split(/\r?\n/);
      const [start, end] = lines[1]!.split(' --> ');
      return { start: time(start!), end: time(end!), text: lines.slice(2).join('\n') };
    });
}

test('an uploaded WAV gives a Verified transcript with segments, subtitles, a player that follows, and history', async ({
  page,
  wallet,
  devnet,
}) => {
  await wallet.install(page, { account: USER });
  await openStudio(page, devnet.provider('speech'));
  await upload(page, 'tone.wav', wav(6));
  await expect(page.getByText(/Ready: tone\.wav, \d+ kB, 6\.0 s/)).toBeVisible();
  await expect(page.getByText(/Estimated cost up to [\d.]+ 0G/)).toBeVisible();
  const run = await transcribe(page, 'Verified');
  const segments = run.getByRole('list', { name: 'Segments' }).getByRole('button');
  expect(await segments.count()).toBeGreaterThan(1);
  const signed = signatures(wallet.requests);

  // The .srt parses and its cues are the segments shown.
  const download = page.waitForEvent('download');
  await run.getByRole('button', { name: 'Download .srt' }).click();
  const cues = parseSrt(await readFile((await (await download).path())!, 'utf8'));
  expect(cues).toHaveLength(await segments.count());
  for (let i = 0; i < cues.length; i++) await expect(segments.nth(i)).toContainText(cues[i]!.text);

  // Clicking the second line moves the player there.
  await segments.nth(1).click();
  const currentTime = await run.locator('audio').evaluate((a) => (a as unknown as { currentTime: number }).currentTime);
  expect(currentTime).toBeGreaterThanOrEqual(cues[1]!.start - 0.05);

  // A second transcription costs no wallet prompt.
  await transcribe(page, 'Verified');
  expect(signatures(wallet.requests)).toBe(signed);

  await page.reload();
  const history = page.getByRole('list', { name: 'Saved transcripts' });
  await expect(history.getByRole('listitem')).toHaveCount(2, { timeout: 15_000 });
  await expect(badge(history, 'Verified')).toHaveCount(2);
});

test('a recording from the microphone is transcribed and Verified', async ({ page, wallet, devnet }) => {
  await wallet.install(page, { account: USER });
  await openStudio(page, devnet.provider('speech'));
  await page.getByRole('button', { name: 'Record', exact: true }).first().click();
  const recorder = page.getByRole('button', { name: 'Record', exact: true });
  await expect(recorder).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: /Start recording/ }).click();
  await expect(page.getByText(/0:0[2-9]/)).toBeVisible({ timeout: 10_000 });
  await page.getByRole('button', { name: /Stop recording/ }).click();
  await expect(page.getByText(/Ready: recording/)).toBeVisible();
  await transcribe(page, 'Verified');
});

test('tampered and wrongly signed transcripts are never Verified; a renamed non-audio file is refused before sending', async ({
  page,
  wallet,
  devnet,
}) => {
  const speech = devnet.provider('speech');
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().startsWith(`${speech.url}/v1/proxy/audio/`)) sent.push(r.url());
  });
  await wallet.install(page, { account: USER });
  await openStudio(page, speech);
  await upload(page, 'fake.wav', Buffer.from('<html><script>alert(1)</script></html>'));
  await expect(page.getByText(/is not an MP3, WAV, M4A, OGG, WebM or FLAC file/)).toBeVisible();
  expect(sent).toEqual([]);

  await upload(page, 'tone.wav', wav(3));
  await devnet.setFaults('speech', { tamper: true });
  await transcribe(page, 'Content mismatch');
  await devnet.setFaults('speech', { tamper: false, rogueSigner: true });
  await transcribe(page, 'Verification failed');

  // A provider that refuses verbose_json: the app asks again for json, and says there are no timestamps.
  await devnet.setFaults('speech', { rogueSigner: false, refuseVerboseJson: true });
  const plain = await transcribe(page, 'Verified');
  await expect(plain).toContainText('the transcript has no timestamps');
  await expect(plain.getByRole('list', { name: 'Segments' })).toHaveCount(0);
});
