import { jsBy, type ChatJs } from './chat-figures.js';
import type { AssetFile } from './first-visit.js';

// The fine-tuning bench's page probe and what it makes of it. installFineTuningProbe runs inside the page
// (Playwright serialises it, so it imports nothing and closes over nothing); its times are on the page's clock.

interface ProbeElement {
  textContent: string | null;
  closest?(selector: string): ProbeElement | null;
}
interface TimedEntry {
  name: string;
  initiatorType: string;
  startTime: number;
  duration: number;
  responseEnd: number;
}
type WorkerClass = new (url: unknown, options?: unknown) => EventTarget;
declare const window: EventTarget & Record<string, unknown>;
declare const document: EventTarget & {
  querySelector(selector: string): ProbeElement | null;
  querySelectorAll(selector: string): ProbeElement[];
};
declare const MutationObserver: new (callback: () => void) => {
  observe(target: unknown, options: { childList: boolean; subtree: boolean; characterData: boolean }): void;
};
declare const PerformanceObserver: new (callback: (list: { getEntries(): TimedEntry[] }) => void) => {
  observe(options: { type: 'resource' | 'longtask'; buffered: boolean }): void;
};

export const FINE_TUNING_PROBE = '__benchFineTuning';
/** The dataset report's headline once the file passed; the count of records follows it. */
export const READY_TEXT = 'Ready to upload:';

/** What the probe has seen in this document; `page.evaluate(readFineTuningProbe)` returns it. */
export interface FineTuningProbe {
  /** When a provider radio (the wizard's first step) was first in the document. */
  firstStepAt: number | null;
  /** `event.timeStamp` of every change of a file input: the moment setFiles handed the page a file. */
  fileChanges: number[];
  /** The first "Ready to upload:" headline after the first file change, and when it appeared. */
  ready: { text: string; at: number } | null;
  /** Main-thread tasks over 50 ms (the Long Tasks API), all of them. */
  longTasks: { start: number; duration: number }[];
  /** Script URLs of every Worker the page constructed, and of those that reported an error (a fallback). */
  workers: string[];
  workerErrors: string[];
  resources: { url: string; type: string; start: number; end: number }[];
}

/** Init script: the first step's radio list, file changes, the ready headline, long tasks, workers, resources. */
export function installFineTuningProbe({ name, readyText }: { name: string; readyText: string }): void {
  const probe: FineTuningProbe = {
    firstStepAt: null,
    fileChanges: [],
    ready: null,
    longTasks: [],
    workers: [],
    workerErrors: [],
    resources: [],
  };
  Object.defineProperty(window, name, { value: probe });

  window.addEventListener(
    'change',
    (e) => {
      const input = e.target as unknown as { type?: string } | null;
      if (input?.type === 'file') probe.fileChanges.push(e.timeStamp);
    },
    true,
  );
  new PerformanceObserver((list) => {
    for (const r of list.getEntries())
      probe.resources.push({ url: r.name, type: r.initiatorType, start: r.startTime, end: r.responseEnd });
  }).observe({ type: 'resource', buffered: true });
  new PerformanceObserver((list) => {
    for (const t of list.getEntries()) probe.longTasks.push({ start: t.startTime, duration: t.duration });
  }).observe({ type: 'longtask', buffered: true });

  // Says whether the check ran in the module worker or fell back to the main thread; the worker is the browser's own.
  const Native = window.Worker as WorkerClass | undefined;
  if (Native)
    window.Worker = new Proxy(Native, {
      construct: (target, args: unknown[]) => {
        const worker = Reflect.construct(target, args) as EventTarget;
        const url = String(args[0]);
        probe.workers.push(url);
        worker.addEventListener('error', () => probe.workerErrors.push(url));
        return worker;
      },
    });

  new MutationObserver(() => {
    const now = performance.now();
    if (probe.firstStepAt === null && document.querySelector('input[type="radio"][name="ft-provider"]'))
      probe.firstStepAt = now;
    if (probe.ready || probe.fileChanges.length === 0) return;
    for (const p of document.querySelectorAll('p')) {
      const text = p.textContent?.trim() ?? '';
      if (text.startsWith(readyText)) probe.ready = { text, at: now };
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

/** page.evaluate body: the probe's records. */
export function readFineTuningProbe(name: string): FineTuningProbe {
  return window[name] as FineTuningProbe;
}

/** The browser's check of the large dataset, from the file handed to the page to "Ready to upload:". */
export interface ValidationFigures {
  file: { name: string; bytes: number; lines: number };
  /** The headline the page showed (it names the records it counted). */
  headline: string;
  /** On the page's clock: the file input's change event to the headline in the document. */
  pageMs: number;
  /** In Node: the setFiles call to Playwright seeing the headline (adds the file hand-over and polling). */
  wallMs: number;
  /** pageMs per 10 MB (10 × 1,048,576 bytes, the MB the page and its 100 MB limit count in). */
  msPer10MB: number;
  /** The longest main-thread long task (over 50 ms) between the change and the headline; 0 when there was none. */
  longestTaskMs: number;
  longTasks: number;
  /** Where the check ran: in the module worker, or on the main thread after the worker failed or was missing. */
  ranIn: 'worker' | 'main thread';
}

/** What bench/results.json holds for the fine-tuning bench. */
export interface FineTuningFigures {
  provider: string;
  model: string;
  account: string;
  accountIndex: number;
  /** App JS received from opening /fine-tuning (then connecting) until the provider radio list was shown. */
  jsToFirstStep: ChatJs | null;
  validation: ValidationFigures;
  /** Wallet prompts while connecting through "Connect wallet" (not counted in the flow's). */
  connectWalletRequests: string[];
  /** Wallet prompts from the first step to Finished, in order, and counted by method. */
  flowWalletRequests: string[];
  flowWalletByMethod: Record<string, number>;
  /** The first step shown to the task's Finished, wall clock (training runs at the devnet's pace). */
  flowMs: number;
  taskId: string;
  errors: string[];
  notes: string[];
}

/** What the run recorded for the large dataset, before it is lined up. */
export interface ValidationRun {
  probe: FineTuningProbe;
  file: ValidationFigures['file'];
  wallMs: number;
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const MB10 = 10 * 1024 * 1024;

/** The validation figures from the probe: its window is the first file change to the first ready headline. */
export function summarizeValidation({ probe, file, wallMs }: ValidationRun): ValidationFigures {
  const start = probe.fileChanges[0];
  if (start === undefined) throw new Error('the page saw no change of a file input');
  if (!probe.ready) throw new Error(`the page never showed "${READY_TEXT}"`);
  const end = probe.ready.at;
  // A task overlapping the window counts: a freeze that began just before the change still blocks the check.
  const during = probe.longTasks.filter((t) => t.start + t.duration >= start && t.start <= end);
  const pageMs = r1(end - start);
  return {
    file,
    headline: probe.ready.text,
    pageMs,
    wallMs: r1(wallMs),
    msPer10MB: r1((pageMs * MB10) / file.bytes),
    longestTaskMs: r1(Math.max(0, ...during.map((t) => t.duration))),
    longTasks: during.length,
    ranIn: probe.workers.length > probe.workerErrors.length ? 'worker' : 'main thread',
  };
}

/** The app JS by the first step, from the probe's resource timings and the responses' bodies. */
export function jsToFirstStep(probe: FineTuningProbe, origin: string, files: AssetFile[]): ChatJs | null {
  if (probe.firstStepAt === null) return null;
  // jsBy reads only the resource timings; the chat's other records have no counterpart here.
  const timings = { enters: [], badges: [], walletCalls: [], resources: probe.resources };
  return jsBy(timings, origin, files, probe.firstStepAt);
}

/** `{ personal_sign: 3, eth_sendTransaction: 3 }` from a list of methods. */
export function byMethod(methods: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of methods) counts[m] = (counts[m] ?? 0) + 1;
  return counts;
}
