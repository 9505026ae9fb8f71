import type { FirstRest } from './chat-figures.js';
import { counted, kB, ms, table } from './format.js';
import type { SpeechFigures } from './speech-summary.js';

/** The speech studio's targets (bench/run.ts TARGETS holds them with the others). */
export interface SpeechTargets {
  /** The speech studio's JS by its first verified transcript is no more than chat's by its first verified answer. */
  speechJsNoMoreThanChat: true;
}

/** How the speech figures compare with their target; the rest are figures without a target. Null where missing. */
export interface SpeechVerdicts {
  /** Gzipped app JS by the first "Verified" transcript, kB. */
  speechJsGzipKB: number | null;
  /** The chat figure it is compared with (measured in the same run), kB. */
  speechJsChatKB: number | null;
  speechJsNoMoreThanChat: boolean | null;
  /** Transcribe click to the transcript shown, 60 s WAV: the first press (it signs the header), median of the rest. */
  speechClickToTextFirstMs: number | null;
  speechClickToTextMs: number | null;
  /** Transcribe click to the badge, likewise. */
  speechClickToBadgeFirstMs: number | null;
  speechClickToBadgeMs: number | null;
  /** Median time to build the multipart body of a 20 MB WAV, and to sha256 it (in Node, with the app's modules). */
  speechBuildBody20MBMs: number | null;
  speechSha256Body20MBMs: number | null;
}

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/** Prints the speech bench: each press, first against the rest, the JS, and the app's work on a 20 MB upload. */
export function printSpeech(f: SpeechFigures): void {
  const rest = `2-${f.presses}`;
  console.log(
    `\n== speech studio in Chromium: ${f.presses} presses of Transcribe on one ${f.audio.seconds} s WAV (${kB(f.audio.bytes)} kB, 16 kHz mono 16-bit) to ${f.provider} (manifest account ${f.accountIndex}, ${f.account}, E2E Wallet)`,
  );
  console.log(`connecting: wallet prompts ${counted(f.connectWalletRequests) || 'none'}`);
  const row = (label: string, x: FirstRest) => [label, ms(x.first), ms(x.restMedian), ms(x.restMax)];
  console.log(
    table([
      ['figure (timed in the page from the click)', 'press 1', `${rest} median`, `${rest} max`],
      row('Transcribe -> text shown', f.clickToTextMs),
      row('Transcribe -> badge', f.clickToBadgeMs),
    ]),
  );
  const rows = f.perPress.map((p, i) => [
    String(i + 1),
    ms(p.clickToTextMs),
    ms(p.clickToBadgeMs),
    p.badge,
    counted(p.walletRequests) || '-',
  ]);
  console.log(table([['#', 'to text', 'to badge', 'badge', 'wallet prompts'], ...rows]));

  const js = f.jsToFirstVerified;
  if (js) {
    const libs =
      [js.sdk ? 'SDK' : '', js.ethers ? 'ethers' : ''].filter(Boolean).join(' and ') || 'neither SDK nor ethers';
    console.log(
      `\nJS by the first "Verified" transcript: ${js.files} files, ${kB(js.raw)} kB, ${kB(js.gzip)} kB gzip -9 (${libs} loaded)`,
    );
    for (const file of js.list.slice(0, 5)) console.log(`  ${kB(file.gzip).padStart(6)} kB gzip  ${file.path}`);
  }

  const o = f.overhead;
  console.log(
    `\nthe app's own work on a ${mb(o.audioBytes)} WAV (a ${mb(o.bodyBytes)} body), measured in Node with the app's modules` +
      '\n(transcriptionParts + buildMultipart, viem sha256), not in the browser; per press the app hashes the body twice' +
      ' (the verifier, then history) and the audio once',
  );
  const runs = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(', ');
  console.log(
    table([
      ['', 'median', `runs (ms)`],
      ['build the multipart body', ms(o.buildMedianMs), runs(o.buildMs)],
      ['sha256 of the body', ms(o.sha256MedianMs), runs(o.sha256Ms)],
    ]),
  );

  for (const n of f.notes) console.log(`not measured reliably: ${n}`);
  if (f.errors.length > 0) {
    console.log(`${f.errors.length} page errors in the speech studio:`);
    for (const e of f.errors.slice(0, 5)) console.log(`  ${e.split('\n')[0]?.slice(0, 160)}`);
  }
}

/** The speech rows of the targets table. */
export function speechTargetRows(v: SpeechVerdicts, verdict: (ok: boolean | null) => string): string[][] {
  const kb = (x: number | null) => (x === null ? '?' : `${x.toFixed(1)} kB`);
  return [
    [
      `speech: JS by the first "Verified" transcript <= chat's (${kb(v.speechJsChatKB)} measured)`,
      kb(v.speechJsGzipKB),
      verdict(v.speechJsNoMoreThanChat),
    ],
  ];
}
