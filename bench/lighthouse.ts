import { spawn } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.js';
import { median } from './stats.js';

// Lighthouse runs through npx at a pinned version, never as a dependency: it is large and only the bench needs it.
const LIGHTHOUSE = 'lighthouse@12.8.2';
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];
// Generous because the first run may include npx downloading Lighthouse.
const RUN_TIMEOUT_MS = 240_000;
const OUT_DIR = path.resolve(import.meta.dirname, '.tmp', 'lighthouse');

/** Lighthouse's default form factor (a phone on simulated slow 4G with a 4x slower CPU) or its desktop preset. */
export type FormFactor = 'mobile' | 'desktop';
/** How the build was served: its precompressed .br/.gz copies, or every file as it is. */
export type Serving = 'compressed' | 'uncompressed';

export interface LighthouseScores {
  /** Performance score, 0-100. */
  score: number;
  /** Accessibility and best-practices scores, 0-100. */
  accessibility: number;
  bestPractices: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
}

export interface LighthouseRun extends LighthouseScores {
  /** Wall time of the whole npx invocation (the first one may include the install). */
  durationMs: number;
  warnings: string[];
  /** Accessibility and best-practices audits that failed (their ids). */
  failedAudits: string[];
}

export interface LighthouseFigures {
  url: string;
  formFactor: FormFactor;
  serving: Serving;
  runs: LighthouseRun[];
  /** Median of each figure on its own over the runs that succeeded; null when none did. */
  median: LighthouseScores | null;
  /** Why Lighthouse could not run (the runs before it still count). */
  error: string | null;
}

interface LhrCategory {
  score?: number | null;
  auditRefs?: { id: string; weight: number }[];
}

interface Lhr {
  categories?: { performance?: LhrCategory; accessibility?: LhrCategory; 'best-practices'?: LhrCategory };
  audits?: Record<string, { numericValue?: number; score?: number | null } | undefined>;
  runtimeError?: { code?: string; message?: string };
  runWarnings?: string[];
}

/**
 * Runs Lighthouse (performance, accessibility and best practices) `times` times with one form factor; records a
 * failure instead of throwing.
 */
export async function runLighthouse(
  url: string,
  times: number,
  formFactor: FormFactor,
  serving: Serving,
): Promise<LighthouseFigures> {
  await mkdir(OUT_DIR, { recursive: true });
  const runs: LighthouseRun[] = [];
  let error: string | null = null;
  for (let i = 0; i < times; i++) {
    console.log(`bench: lighthouse ${formFactor} ${i + 1}/${times} on ${url} (${serving})`);
    try {
      runs.push(await runOnce(url, formFactor, path.join(OUT_DIR, `${formFactor}-${serving}-${i + 1}.json`)));
    } catch (err) {
      // A failure here is about the environment (no network for npx, Chrome not starting): retrying won't help.
      error = err instanceof Error ? err.message : String(err);
      console.log(`bench: lighthouse could not run: ${error}`);
      break;
    }
  }
  const med = (pick: (r: LighthouseRun) => number) => median(runs.map(pick));
  const scores: LighthouseScores | null =
    runs.length === 0
      ? null
      : {
          score: med((r) => r.score),
          accessibility: med((r) => r.accessibility),
          bestPractices: med((r) => r.bestPractices),
          fcpMs: med((r) => r.fcpMs),
          lcpMs: med((r) => r.lcpMs),
          tbtMs: med((r) => r.tbtMs),
          cls: med((r) => r.cls),
          speedIndexMs: med((r) => r.speedIndexMs),
        };
  return { url, formFactor, serving, runs, median: scores, error };
}

/** The ids of a category's scored audits that did not pass. */
function failed(lhr: Lhr, category: LhrCategory | undefined): string[] {
  return (category?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => ref.id)
    .filter((id) => {
      const score = lhr.audits?.[id]?.score;
      return typeof score === 'number' && score < 1;
    });
}

async function runOnce(url: string, formFactor: FormFactor, outputPath: string): Promise<LighthouseRun> {
  const args = ['-y', LIGHTHOUSE, url, '--only-categories=performance,accessibility,best-practices', '--output=json'];
  // No flag is the default form factor: a mid-range phone, simulated slow 4G and a 4x CPU slowdown.
  if (formFactor === 'desktop') args.push('--preset=desktop');
  args.push(`--output-path=${outputPath}`, '--quiet', `--chrome-flags=${CHROME_FLAGS.join(' ')}`);
  // A report left by an earlier bench must not pass for this run's.
  await rm(outputPath, { force: true });
  const t0 = performance.now();
  await run('npx', args, { ...process.env, CHROME_PATH: CHROMIUM_PATH });
  const durationMs = performance.now() - t0;
  const lhr = JSON.parse(await readFile(outputPath, 'utf8')) as Lhr;
  const score = lhr.categories?.performance?.score;
  if (typeof score !== 'number') {
    throw new Error(`no performance score: ${lhr.runtimeError?.code ?? ''} ${lhr.runtimeError?.message ?? ''}`.trim());
  }
  const audit = (id: string) => lhr.audits?.[id]?.numericValue ?? NaN;
  const percent = (c: LhrCategory | undefined) => (typeof c?.score === 'number' ? Math.round(c.score * 100) : NaN);
  const { accessibility, 'best-practices': bestPractices } = lhr.categories ?? {};
  return {
    score: Math.round(score * 100),
    accessibility: percent(accessibility),
    bestPractices: percent(bestPractices),
    fcpMs: audit('first-contentful-paint'),
    lcpMs: audit('largest-contentful-paint'),
    tbtMs: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    speedIndexMs: audit('speed-index'),
    durationMs,
    warnings: lhr.runWarnings ?? [],
    failedAudits: [...failed(lhr, accessibility), ...failed(lhr, bestPractices)],
  };
}

/** Runs a command to completion; rejects with the tail of its output when it fails or hangs. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    // SIGINT first: npm forwards it and Lighthouse's Chrome launcher closes Chrome on it; SIGKILL if that is ignored.
    const timer = setTimeout(() => {
      child.kill('SIGINT');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    }, RUN_TIMEOUT_MS);
    const tail = () =>
      output
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('npm warn'))
        .slice(-8)
        .join('\n');
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`${command} did not start: ${err.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args[1]} exited with ${signal ?? `code ${code}`}:\n${tail()}`));
    });
  });
}
