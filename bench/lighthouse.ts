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

export interface LighthouseScores {
  /** Performance score, 0-100. */
  score: number;
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
}

export interface LighthouseFigures {
  url: string;
  runs: LighthouseRun[];
  /** Median of each figure on its own over the runs that succeeded; null when none did. */
  median: LighthouseScores | null;
  /** Why Lighthouse could not run (the runs before it still count). */
  error: string | null;
}

interface Lhr {
  categories?: { performance?: { score?: number | null } };
  audits?: Record<string, { numericValue?: number } | undefined>;
  runtimeError?: { code?: string; message?: string };
  runWarnings?: string[];
}

/** Runs Lighthouse (desktop preset, performance only) `times` times; records a failure instead of throwing. */
export async function runLighthouse(url: string, times: number): Promise<LighthouseFigures> {
  await mkdir(OUT_DIR, { recursive: true });
  const runs: LighthouseRun[] = [];
  let error: string | null = null;
  for (let i = 0; i < times; i++) {
    console.log(`bench: lighthouse ${i + 1}/${times} on ${url}`);
    try {
      runs.push(await runOnce(url, path.join(OUT_DIR, `run-${i + 1}.json`)));
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
          fcpMs: med((r) => r.fcpMs),
          lcpMs: med((r) => r.lcpMs),
          tbtMs: med((r) => r.tbtMs),
          cls: med((r) => r.cls),
          speedIndexMs: med((r) => r.speedIndexMs),
        };
  return { url, runs, median: scores, error };
}

async function runOnce(url: string, outputPath: string): Promise<LighthouseRun> {
  const args = ['-y', LIGHTHOUSE, url, '--preset=desktop', '--only-categories=performance', '--output=json'];
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
  return {
    score: Math.round(score * 100),
    fcpMs: audit('first-contentful-paint'),
    lcpMs: audit('largest-contentful-paint'),
    tbtMs: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    speedIndexMs: audit('speed-index'),
    durationMs,
    warnings: lhr.runWarnings ?? [],
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
