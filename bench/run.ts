import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { benchApp } from './app.js';
import { benchDevnet } from './devnet.js';
import { printReport, type BenchResults, type Part, type Targets } from './report.js';

// `npm run bench`: the devnet, then the app. Prints figures and writes bench/results.json. A part that
// fails is recorded as such and the other still runs, but the exit code says something failed.
const TARGETS: Targets = { firstVisitJsGzipKB: 180, lighthouseDesktopPerformance: 98 };

async function part<T>(name: string, fn: () => Promise<T>): Promise<Part<T>> {
  try {
    return { ok: true, figures: await fn() };
  } catch (err) {
    // Vite's build errors come coloured; results.json and the report want plain text.
    const error = stripVTControlCharacters(err instanceof Error ? (err.stack ?? err.message) : String(err));
    console.error(`bench: the ${name} bench failed (details below)`);
    return { ok: false, error };
  }
}

const t0 = performance.now();
const devnet = await part('devnet', benchDevnet);
const app = await part('app', benchApp);
const home = app.ok ? app.figures.routes.find((r) => r.route === '/') : undefined;
const jsKB = home ? home.js.gzip / 1000 : null;
const score = app.ok ? (app.figures.lighthouse.median?.score ?? null) : null;
const results: BenchResults = {
  date: new Date().toISOString(),
  node: process.version,
  durationMs: Math.round(performance.now() - t0),
  targets: TARGETS,
  verdicts: {
    firstVisitJsGzipKB: jsKB,
    firstVisitJsOk: jsKB === null ? null : jsKB <= TARGETS.firstVisitJsGzipKB,
    lighthousePerformance: score,
    lighthouseOk: score === null ? null : score >= TARGETS.lighthouseDesktopPerformance,
    // The SDK and ethers are for the pages that use them: the first visit to `/` must not load either.
    sdkOnFirstVisit: home ? home.sdkChunks.length > 0 : null,
    ethersOnFirstVisit: home ? home.ethersChunks.length > 0 : null,
  },
  devnet,
  app,
};
printReport(results);
const file = path.join(import.meta.dirname, 'results.json');
await writeFile(file, JSON.stringify(results, null, 2) + '\n');
console.log(
  `\nwrote ${path.relative(process.cwd(), file)}; the bench took ${(results.durationMs / 1000).toFixed(0)} s`,
);
// An explicit exit: the SDK races every transaction's receipt against a 300 s timer it never clears,
// which would keep the process alive for five minutes after the last ledger transaction.
process.exit(devnet.ok && app.ok ? 0 : 1);
