import { probeEndpoint, type ProbeResult } from './probe';

export interface SchedulerOptions {
  /** The least time between two checks of one URL. */
  intervalMs?: number;
  now?: () => number;
}

interface Entry {
  watchers: number;
  lastStart: number | null;
  running: boolean;
  timer: ReturnType<typeof setTimeout> | null;
}

/**
 * Checks each provider URL while something on screen shows it, at most once per interval however many cards,
 * pickers or pages show it, and not at all while none does. Results outlive the watchers, so a card scrolled back
 * into view shows its last check at once and is checked again only when that one is a minute old.
 */
export class ProbeScheduler {
  private readonly entries = new Map<string, Entry>();
  private readonly results = new Map<string, ProbeResult>();
  private readonly listeners = new Set<() => void>();
  private readonly intervalMs: number;
  private readonly now: () => number;

  constructor(
    private readonly probe: (url: string) => Promise<ProbeResult>,
    { intervalMs = 60_000, now = () => Date.now() }: SchedulerOptions = {},
  ) {
    this.intervalMs = intervalMs;
    this.now = now;
  }

  /** Marks `url` as on screen; the returned function marks it gone again (once). */
  show(url: string): () => void {
    const entry = this.entries.get(url) ?? { watchers: 0, lastStart: null, running: false, timer: null };
    this.entries.set(url, entry);
    entry.watchers += 1;
    if (entry.watchers === 1) this.plan(url, entry);
    let shown = true;
    return () => {
      if (!shown) return;
      shown = false;
      entry.watchers -= 1;
      if (entry.watchers === 0 && entry.timer !== null) {
        clearTimeout(entry.timer);
        entry.timer = null;
      }
    };
  }

  /** The last check of `url`, if any. */
  get(url: string): ProbeResult | undefined {
    return this.results.get(url);
  }

  /** True while a check of `url` is under way. */
  isRunning(url: string): boolean {
    return this.entries.get(url)?.running === true;
  }

  /** Calls `listener` when a check starts and after it ends; returns the unsubscribe (for useSyncExternalStore). */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  private plan(url: string, entry: Entry): void {
    if (entry.running || entry.watchers === 0 || entry.timer !== null) return;
    const wait = entry.lastStart === null ? 0 : entry.lastStart + this.intervalMs - this.now();
    if (wait <= 0) return void this.run(url, entry);
    entry.timer = setTimeout(() => {
      entry.timer = null;
      this.plan(url, entry);
    }, wait);
  }

  private run(url: string, entry: Entry): void {
    entry.running = true;
    entry.lastStart = this.now();
    this.notify();
    void this.probe(url)
      .catch((): ProbeResult => ({ state: 'unreachable', latencyMs: null, status: null, at: Date.now() }))
      .then((result) => {
        entry.running = false;
        this.results.set(url, result);
        this.notify();
        this.plan(url, entry);
      });
  }
}

/** The app's one scheduler: every card, picker and page shares its checks. */
export const probes = new ProbeScheduler((url) => probeEndpoint(url));
