import { useCallback, useEffect, useReducer, useState, useSyncExternalStore } from 'react';
import { probes } from '../../lib/health/probe-scheduler';
import { probeUrl, type ProbeResult } from '../../lib/health/probe';
import { useNetwork } from '../network/use-network';

// Cards a little below the fold are checked too, so their badge is ready when scrolled to.
const MARGIN = '200px';

/**
 * This browser's last check of a provider URL. The check runs (at most once a minute) only while the element given
 * to `ref` is on screen; `url` is the service's registered URL, checked only when the app may call it.
 */
export function useProbe(serviceUrl: string | undefined): {
  ref: (el: Element | null) => void;
  url: string | null;
  result: ProbeResult | undefined;
  /** A check is under way. */
  running: boolean;
} {
  const { network } = useNetwork();
  const url = serviceUrl === undefined ? null : probeUrl(serviceUrl, network.kind === 'devnet');
  const [el, setEl] = useState<Element | null>(null);
  const ref = useCallback((node: Element | null) => setEl(node), []);

  useEffect(() => {
    if (!el || !url) return;
    // Without IntersectionObserver (old browsers, tests) a mounted element counts as on screen.
    if (typeof IntersectionObserver === 'undefined') return probes.show(url);
    let hide: (() => void) | null = null;
    const observer = new IntersectionObserver(
      (entries) => {
        const visible = entries.some((e) => e.isIntersecting);
        if (visible && !hide) hide = probes.show(url);
        else if (!visible && hide) {
          hide();
          hide = null;
        }
      },
      { rootMargin: MARGIN },
    );
    observer.observe(el);
    return () => {
      observer.disconnect();
      hide?.();
    };
  }, [el, url]);

  const result = useSyncExternalStore(probes.subscribe, () => (url ? probes.get(url) : undefined));
  const running = useSyncExternalStore(probes.subscribe, () => (url ? probes.isRunning(url) : false));
  return { ref, url, result, running };
}

/**
 * Re-renders the caller whenever a check of any provider starts or ends, while `active`: a list sorted or filtered
 * by health follows the checks as they arrive (and stays put, not reshuffling under the reader, otherwise).
 */
export function useProbeUpdates(active: boolean): void {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => (active ? probes.subscribe(bump) : undefined), [active]);
}
