import { HttpError } from './http.js';

/** The longest outage the control accepts: ten minutes, the same bound as `stepMs`. */
export const MAX_OUTAGE_MS = 600_000;

/**
 * A network outage of the simulated fine-tuning provider: while it lasts, every request to the
 * provider has its socket destroyed unanswered, so a client sees a dead host rather than an HTTP
 * error. Only the network side is cut: the training timers and chain calls keep going.
 */
export class FineTuningOutage {
  private until: number | null = null;

  /** `now` is injectable so tests control time instead of sleeping. */
  constructor(private readonly now: () => number = Date.now) {}

  /** Makes the provider unreachable for `ms` (1..600000) from now; a new call replaces the running outage. */
  down(ms: unknown): void {
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 1 || ms > MAX_OUTAGE_MS) {
      throw new HttpError(400, `ms must be a number of milliseconds, 1..${MAX_OUTAGE_MS}`, 'invalid_outage');
    }
    this.until = this.now() + ms;
  }

  /** Ends the outage at once (a no-op when none is running). */
  up(): void {
    this.until = null;
  }

  /** True while an outage is running; one that ran out is forgotten here. */
  isDown(): boolean {
    if (this.until === null) return false;
    if (this.now() < this.until) return true;
    this.until = null;
    return false;
  }

  /** When the running outage ends, as an ISO time, or null when the provider is reachable. */
  downUntil(): string | null {
    return this.isDown() && this.until !== null ? new Date(this.until).toISOString() : null;
  }
}
