import type { AppFigures } from './app.js';
import type { ChatFigures } from './chat-summary.js';
import type { DevnetFigures } from './devnet.js';
import { kB, ms, num, table } from './format.js';
import type { FormFactor, LighthouseFigures, LighthouseScores, Serving } from './lighthouse.js';
import { printChat } from './report-chat.js';
import type { FineTuningFigures } from './fine-tuning-summary.js';
import type { ImageFigures } from './image-summary.js';
import {
  fineTuningTargetRows,
  printFineTuning,
  type FineTuningTargets,
  type FineTuningVerdicts,
} from './report-fine-tuning.js';
import { imageTargetRows, printImage, type ImageTargets, type ImageVerdicts } from './report-image.js';
import { printSpeech, speechTargetRows, type SpeechTargets, type SpeechVerdicts } from './report-speech.js';
import type { SpeechFigures } from './speech-summary.js';

/** A part of the bench: its figures, or why it could not produce them. */
export type Part<T> = { ok: true; figures: T } | { ok: false; error: string };

export interface Targets extends ImageTargets, SpeechTargets, FineTuningTargets {
  /** Gzipped JS a first visit to `/` downloads, in kB (1 kB = 1000 bytes, as Vite prints sizes). */
  firstVisitJsGzipKB: number;
  /** Lighthouse performance score on `/`, default (mobile) form factor, served compressed and uncompressed. */
  lighthouseMobilePerformance: number;
  /** Lighthouse performance score on `/`, desktop preset, served compressed and uncompressed. */
  lighthouseDesktopPerformance: number;
  /** Wallet prompts of any chat message after the first (the first signs the provider's access token). */
  chatWalletRequestsAfterFirst: number;
  /** JSON-RPC calls between Enter and the provider request, for any chat message after the first. */
  chatRpcBeforeRequestAfterFirst: number;
  /** Enter to the chat/completions request leaving, median of the messages after the first, in ms. */
  chatSendToRequestMs: number;
  /** Last byte of the answer to its "Verified" badge, median of the messages after the first, in ms. */
  chatBadgeAfterStreamMs: number;
  /** Gzipped app JS loaded by the time the first chat answer is verified, in kB. */
  chatJsGzipKB: number;
}

/** How the figures compare with the targets; null where the figure is missing. */
export interface Verdicts extends ImageVerdicts, SpeechVerdicts, FineTuningVerdicts {
  firstVisitJsGzipKB: number | null;
  firstVisitJsOk: boolean | null;
  /** One per form factor and serving: median scores (0-100) and whether performance met its target. */
  lighthouse: LighthouseVerdict[];
  /** Every case met its target; null when a case has no figure. */
  lighthouseOk: boolean | null;
  sdkOnFirstVisit: boolean | null;
  ethersOnFirstVisit: boolean | null;
  /** The most any message after the first cost. */
  chatWalletRequestsAfterFirst: number | null;
  chatWalletOk: boolean | null;
  chatRpcBeforeRequestAfterFirst: number | null;
  chatRpcOk: boolean | null;
  /** Medians of the messages after the first. */
  chatSendToRequestMs: number | null;
  chatSendToRequestOk: boolean | null;
  chatBadgeAfterStreamMs: number | null;
  chatBadgeOk: boolean | null;
  chatJsGzipKB: number | null;
  chatJsOk: boolean | null;
}

export interface LighthouseVerdict {
  formFactor: FormFactor;
  serving: Serving;
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  ok: boolean | null;
}

/** What bench/results.json holds. */
export interface BenchResults {
  date: string;
  node: string;
  durationMs: number;
  targets: Targets;
  verdicts: Verdicts;
  devnet: Part<DevnetFigures>;
  app: Part<AppFigures>;
  chat: Part<ChatFigures>;
  image: Part<ImageFigures>;
  speech: Part<SpeechFigures>;
  fineTuning: Part<FineTuningFigures>;
}

function printDevnet(d: DevnetFigures): void {
  const starts = d.startupMs.map((x) => Math.round(x)).join(', ');
  const said = d.readyLineS.map((s) => (s === null ? '?' : s.toFixed(1))).join(', ');
  console.log('\n== devnet (on free ports)');
  console.log(
    table([
      ['figure', 'median'],
      [`start-up, spawn to ready line (${starts} ms; ready line says ${said} s)`, ms(d.startupMedianMs)],
      [`chat round trip, non-streamed (of ${Math.ceil(d.chat.requests / 2)})`, ms(d.chat.plainMs)],
      [`chat time to first byte, streamed (of ${Math.floor(d.chat.requests / 2)})`, ms(d.chat.firstByteMs)],
      [`processResponse, signature fetch + check (of ${d.chat.requests})`, ms(d.chat.verifyMs)],
    ]),
  );
}

function printRoutes(a: AppFigures): void {
  console.log(`\n== app: first visit per route (build ${(a.buildMs / 1000).toFixed(1)} s; kB = 1000 bytes; gzip -9)`);
  const header = ['route', 'JS files', 'JS kB', 'JS gzip kB', 'CSS files', 'CSS kB', 'CSS gzip kB', 'SDK', 'ethers'];
  const rows = a.routes.map((r) => [
    r.route.length > 24 ? `${r.route.slice(0, 21)}...` : r.route,
    String(r.js.files),
    kB(r.js.raw),
    kB(r.js.gzip),
    String(r.css.files),
    kB(r.css.raw),
    kB(r.css.gzip),
    r.sdkChunks.length > 0 ? 'yes' : 'no',
    r.ethersChunks.length > 0 ? 'yes' : 'no',
    [r.networkIdle ? '' : 'no network idle', r.errors.length > 0 ? `${r.errors.length} errors` : ''].join(' '),
  ]);
  console.log(table([[...header, ''], ...rows]));
  for (const r of a.routes.filter((x) => x.errors.length > 0)) {
    console.log(`errors on ${r.route}:`);
    for (const e of r.errors.slice(0, 3)) console.log(`  ${e.split('\n')[0]?.slice(0, 160)}`);
  }
}

function printLighthouse(l: LighthouseFigures): void {
  const how = l.formFactor === 'mobile' ? 'mobile: slow 4G, 4x CPU' : 'desktop preset';
  console.log(`\n== lighthouse ${l.url} (${how}; served ${l.serving}; median of each figure)`);
  const cells = (s: LighthouseScores) => [
    num(s.score),
    num(s.accessibility),
    num(s.bestPractices),
    num(s.fcpMs),
    num(s.lcpMs),
    num(s.tbtMs),
    s.cls.toFixed(3),
    num(s.speedIndexMs),
  ];
  const rows = l.runs.map((r, i) => [`run ${i + 1}`, ...cells(r), `${(r.durationMs / 1000).toFixed(1)} s`]);
  if (l.median) rows.push(['median', ...cells(l.median), '']);
  const header = ['', 'perf', 'a11y', 'best pr.', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS', 'SI ms', 'took'];
  console.log(table([header, ...rows]));
  const failed = [...new Set(l.runs.flatMap((r) => r.failedAudits))];
  if (failed.length > 0) console.log(`accessibility / best-practices audits failed: ${failed.join(', ')}`);
  if (l.error) console.log(`lighthouse could not run: ${l.error}`);
}

/** Prints the figures as tables, then each target with its verdict. */
export function printReport(results: BenchResults): void {
  if (results.devnet.ok) printDevnet(results.devnet.figures);
  else console.log(`\n== devnet: failed\n${results.devnet.error}`);
  if (results.app.ok) {
    printRoutes(results.app.figures);
    for (const l of results.app.figures.lighthouse) printLighthouse(l);
  } else console.log(`\n== app: failed\n${results.app.error}`);
  if (results.chat.ok) printChat(results.chat.figures);
  else console.log(`\n== chat: failed\n${results.chat.error}`);
  if (results.image.ok) printImage(results.image.figures);
  else console.log(`\n== image: failed\n${results.image.error}`);
  if (results.speech.ok) printSpeech(results.speech.figures);
  else console.log(`\n== speech: failed\n${results.speech.error}`);
  if (results.fineTuning.ok) printFineTuning(results.fineTuning.figures);
  else console.log(`\n== fine-tuning: failed\n${results.fineTuning.error}`);

  const { targets: t, verdicts: v } = results;
  const verdict = (ok: boolean | null) => (ok === null ? 'unknown' : ok ? 'met' : 'MISSED');
  const loaded = (x: boolean | null) => (x === null ? '?' : x ? 'loaded' : 'not loaded');
  console.log('\n== targets');
  console.log(
    table([
      ['target', 'figure', 'verdict'],
      [
        `first-visit JS on / <= ${t.firstVisitJsGzipKB} kB gzip`,
        v.firstVisitJsGzipKB === null ? '?' : `${v.firstVisitJsGzipKB.toFixed(1)} kB`,
        verdict(v.firstVisitJsOk),
      ],
      ...v.lighthouse.map((l) => [
        `Lighthouse performance >= ${l.formFactor === 'mobile' ? t.lighthouseMobilePerformance : t.lighthouseDesktopPerformance} (${l.formFactor}, ${l.serving})`,
        num(l.performance),
        verdict(l.ok),
      ]),
      ['no SDK chunk on first visit to /', loaded(v.sdkOnFirstVisit), verdict(nullOr(v.sdkOnFirstVisit, (x) => !x))],
      ['no ethers on first visit to /', loaded(v.ethersOnFirstVisit), verdict(nullOr(v.ethersOnFirstVisit, (x) => !x))],
      [
        `chat: wallet prompts per message after the first = ${t.chatWalletRequestsAfterFirst} (max)`,
        num(v.chatWalletRequestsAfterFirst),
        verdict(v.chatWalletOk),
      ],
      [
        `chat: JSON-RPC calls, Enter to request, after the first = ${t.chatRpcBeforeRequestAfterFirst} (max)`,
        num(v.chatRpcBeforeRequestAfterFirst),
        verdict(v.chatRpcOk),
      ],
      [
        `chat: Enter to request leaving <= ${t.chatSendToRequestMs} ms (median after the first)`,
        ms(v.chatSendToRequestMs),
        verdict(v.chatSendToRequestOk),
      ],
      [
        `chat: last byte to "Verified" <= ${t.chatBadgeAfterStreamMs} ms (median after the first)`,
        ms(v.chatBadgeAfterStreamMs),
        verdict(v.chatBadgeOk),
      ],
      [
        `chat: JS by the first "Verified" <= ${t.chatJsGzipKB} kB gzip`,
        v.chatJsGzipKB === null ? '?' : `${v.chatJsGzipKB.toFixed(1)} kB`,
        verdict(v.chatJsOk),
      ],
      ...imageTargetRows(t, v, verdict),
      ...speechTargetRows(v, verdict),
      ...fineTuningTargetRows(t, v, verdict),
    ]),
  );
}

const nullOr = <T, U>(x: T | null, f: (x: T) => U): U | null => (x === null ? null : f(x));
