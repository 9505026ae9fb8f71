import { useState } from 'react';
import { inferenceSubAccount, usableBalance, type SubAccount } from '../../lib/chain/ledger-reads';
import type { Service } from '../../lib/chain/services';
import { actualCost } from '../../lib/chat/cost';
import type { StoredVerification } from '../../lib/chat/types';
import { shortAddress } from '../../lib/format';
import { streamChat } from '../../lib/inference/chat-request';
import { InferenceError, problemSentence } from '../../lib/inference/errors';
import { toAppError } from '../../lib/errors';
import { formatOg } from '../../lib/units';
import { useInference } from '../../hooks/chat/use-inference';
import { FundButton } from '../account/fund-button';
import { Button } from '../ui/button';
import { Markdown } from './markdown';
import { VerificationBadge } from './verification-badge';

interface Side {
  content: string;
  error?: string;
  latencyMs?: number;
  cost?: bigint;
  verification?: StoredVerification;
  running: boolean;
}

const same = (a?: string, b?: string) => !!a && !!b && a.toLowerCase() === b.toLowerCase();

/** One prompt to two chat providers side by side: both answers with latency, cost and badge. Not saved. */
export function CompareView({
  services,
  subAccounts,
  allowLocalHttp,
}: {
  services: Service[];
  subAccounts: SubAccount[] | undefined;
  allowLocalHttp: boolean;
}) {
  const inference = useInference();
  const [picks, setPicks] = useState<[string, string]>([services[0]?.provider ?? '', services[1]?.provider ?? '']);
  const [prompt, setPrompt] = useState('');
  const [sides, setSides] = useState<[Side | null, Side | null]>([null, null]);
  const chosen = picks.map((p) => services.find((s) => same(s.provider, p)));
  const setSide = (i: 0 | 1, patch: Partial<Side>) =>
    setSides((prev) => {
      const next = [...prev] as [Side | null, Side | null];
      next[i] = { ...(prev[i] ?? { content: '', running: true }), ...patch };
      return next;
    });

  async function run(i: 0 | 1, svc: Service, text: string) {
    if (usableBalance(inferenceSubAccount(subAccounts, svc.provider)) <= 0n) {
      setSide(i, {
        running: false,
        error: 'No funded sub-account with this provider: fund it first (nothing is funded automatically).',
      });
      return;
    }
    setSide(i, { content: '', running: true, error: undefined, verification: undefined });
    const t0 = performance.now();
    try {
      const exchange = await streamChat({
        endpoint: `${svc.url}/v1/proxy`,
        authorization: await inference.authorization(svc.provider),
        body: {
          model: svc.model,
          messages: [{ role: 'user', content: text }],
          stream: true,
          stream_options: { include_usage: true },
        },
        signal: new AbortController().signal,
        onDelta: ({ content }) => setSide(i, { content }),
      });
      setSide(i, {
        content: exchange.content,
        latencyMs: Math.round(performance.now() - t0),
        cost: exchange.usage ? actualCost(svc, exchange.usage) : undefined,
        error: exchange.problem ? problemSentence(exchange.problem) : undefined,
        verification: { state: 'verifying', reason: 'Checking the TEE signature.' },
      });
      setSide(i, { verification: await inference.verify(svc, exchange), running: false });
    } catch (err) {
      setSide(i, { running: false, error: err instanceof InferenceError ? err.message : toAppError(err).message });
    }
  }

  const busy = sides.some((s) => s?.running);
  return (
    <section aria-label="Compare two providers" className="flex flex-col gap-3">
      <form
        className="flex flex-col gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (!prompt.trim() || busy) return;
          chosen.forEach((svc, i) => svc && void run(i as 0 | 1, svc, prompt));
        }}
      >
        <div className="grid gap-2 sm:grid-cols-2">
          {(['Left provider', 'Right provider'] as const).map((label, i) => (
            <label key={label} className="flex flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400">
              {label}
              <select
                value={picks[i]}
                onChange={(e) => setPicks((p) => (i === 0 ? [e.target.value, p[1]] : [p[0], e.target.value]))}
                className="h-9 rounded-lg border border-zinc-300 bg-white px-2 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
              >
                {services.map((s) => (
                  <option key={s.provider} value={s.provider}>
                    {s.model} — {shortAddress(s.provider)}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
        <label className="flex flex-col gap-1 text-sm">
          Prompt
          <textarea
            value={prompt}
            rows={2}
            onChange={(e) => setPrompt(e.target.value)}
            className="rounded-xl border border-zinc-300 bg-white p-3 dark:border-zinc-700 dark:bg-zinc-900"
          />
        </label>
        <Button type="submit" className="self-start" disabled={busy || !prompt.trim()}>
          Compare
        </Button>
      </form>
      <div className="grid gap-3 sm:grid-cols-2">
        {sides.map((side, i) => {
          const svc = chosen[i];
          return (
            <article
              key={i}
              aria-label={`Answer from ${svc?.model ?? 'provider'} (${i === 0 ? 'left' : 'right'})`}
              className="flex min-w-0 flex-col gap-2 rounded-xl border border-zinc-200 bg-white p-3 text-sm dark:border-zinc-800 dark:bg-zinc-900"
            >
              <p className="font-medium break-words">{svc?.model ?? '—'}</p>
              {side?.content && <Markdown text={side.content} allowLocalHttp={allowLocalHttp} />}
              {side?.running && !side.content && <p className="text-zinc-500">…</p>}
              {side?.error && (
                <p role="alert" className="text-xs text-red-700 dark:text-red-400">
                  {side.error}
                </p>
              )}
              {side?.error && svc && side.error.startsWith('No funded') && (
                <FundButton size="sm" className="self-start" target={{ kind: 'inference', provider: svc.provider }} />
              )}
              <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-500">
                {side?.verification && <VerificationBadge verification={side.verification} />}
                {side?.latencyMs !== undefined && <span>Latency {(side.latencyMs / 1000).toFixed(2)} s</span>}
                {side?.cost !== undefined && <span>Cost {formatOg(side.cost, 9)} 0G</span>}
              </div>
            </article>
          );
        })}
      </div>
    </section>
  );
}
