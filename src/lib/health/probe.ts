import { safeHref } from '../safe-url';

/** What the browser saw when it asked a provider for its model list. */
export type ProbeState = 'answers' | 'http-error' | 'timeout' | 'unreachable';

/** One check of a provider's endpoint from this browser. */
export interface ProbeResult {
  state: ProbeState;
  /** Request to response headers, in ms; null when nothing came back. */
  latencyMs: number | null;
  /** The HTTP status when it answered. */
  status: number | null;
  /** Unix ms the check finished. */
  at: number;
}

/** A check gets this long; later is "not answering", checked again at the next round. */
export const PROBE_TIMEOUT_MS = 6_000;
/** An answer slower than this is shown as slow. */
export const SLOW_MS = 2_000;

/**
 * The URL to check a provider with (`{url}/v1/proxy/models`, the lightest route every broker serves), or null when
 * its registered URL is not one the app calls: https, or http to this machine on the devnet.
 */
export function probeUrl(serviceUrl: string, allowLocalHttp: boolean): string | null {
  const safe = safeHref(serviceUrl, { allowLocalHttp });
  if (!safe) return null;
  const url = new URL(safe);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/v1/proxy/models`;
  url.search = '';
  url.hash = '';
  return url.href;
}

/** GETs `url` once with a timeout; never throws. Only the status line is waited for, the body is dropped. */
export async function probeEndpoint(
  url: string,
  { fetchImpl = fetch, timeoutMs = PROBE_TIMEOUT_MS, now = () => performance.now() } = {},
): Promise<ProbeResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const started = now();
  try {
    const res = await fetchImpl(url, {
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'error',
      signal: controller.signal,
    });
    const latencyMs = Math.round(now() - started);
    void res.body?.cancel().catch(() => undefined);
    return { state: res.ok ? 'answers' : 'http-error', latencyMs, status: res.status, at: Date.now() };
  } catch {
    const state = controller.signal.aborted ? 'timeout' : 'unreachable';
    return { state, latencyMs: null, status: null, at: Date.now() };
  } finally {
    clearTimeout(timer);
  }
}

export type ProbeTone = 'neutral' | 'good' | 'warn' | 'bad';

/** A short label, its tone and a sentence for the last check, or for none yet (under way, or not on screen yet). */
export function probeVerdict(
  result: ProbeResult | undefined,
  running = false,
): { tone: ProbeTone; label: string; detail: string } {
  if (!result && running)
    return { tone: 'neutral', label: 'Checking…', detail: 'This browser is checking whether it answers.' };
  if (!result) return { tone: 'neutral', label: 'Not checked yet', detail: 'Checked once it is on screen.' };
  const again = 'Checked again in a minute.';
  switch (result.state) {
    case 'answers': {
      const ms = result.latencyMs ?? 0;
      const slow = ms >= SLOW_MS;
      return {
        tone: slow ? 'warn' : 'good',
        label: `${slow ? 'Slow' : 'Answers'} · ${latencyText(ms)}`,
        detail: `It answered this browser in ${latencyText(ms)}.`,
      };
    }
    case 'http-error':
      return {
        tone: 'warn',
        label: `Answers with HTTP ${result.status ?? '?'}`,
        detail: `It answered this browser with an error (HTTP ${result.status ?? '?'}). ${again}`,
      };
    case 'timeout':
      return {
        tone: 'bad',
        label: 'Not answering',
        detail: `No answer within ${PROBE_TIMEOUT_MS / 1000} s. ${again}`,
      };
    case 'unreachable':
      return { tone: 'bad', label: 'Unreachable', detail: `This browser could not connect to it. ${again}` };
  }
}

/** "120 ms" below a second, "2.4 s" from one. */
export function latencyText(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
