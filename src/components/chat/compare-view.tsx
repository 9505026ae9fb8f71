import { useRef, useState } from 'react';
import { useAccount } from 'wagmi';
import { inferenceSubAccount } from '../../lib/chain/ledger-reads';
import type { Service } from '../../lib/chain/services';
import { estimateCost } from '../../lib/chat/cost';
import type { StoredVerification } from '../../lib/chat/types';
import { streamChat } from '../../lib/inference/chat-request';
import { problemSentence } from '../../lib/inference/errors';
import { needsFunding, preflightSentence, type PreflightProblem } from '../../lib/inference/preflight';
import { og } from '../../lib/units';
import { useInference } from '../../hooks/inference/use-inference';
import { FundButton } from '../account/fund-button';
import { ProviderPicker } from '../inference/provider-picker';
import { Button } from '../ui/button';
import { Field } from '../ui/field';
import { Textarea } from '../ui/textarea';
import { chatProofName } from '../verify-export/proof-source';
import { Markdown } from './markdown';
import { VerificationBadge } from './verification-badge';

interface Side {
  content: string;
  error?: string;
  latencyMs?: number;
  cost?: bigint;
  verification?: StoredVerification;
  running: boolean;
  /** What the side's proof is made from: the service that answered and the exact bytes (compare keeps them). */
  service?: Service;
  exchange?: { request: Uint8Array; response: Uint8Array };
  chatId?: string | null;
}

const SIDES = ['left', 'right'] as const;
type SideName = (typeof SIDES)[number];
/** Compare answers are one prompt each: the estimate assumes at most this many output tokens, and the request says so. */
const COMPARE_MAX_TOKENS = 1024;

/**
 * One prompt to two chat providers side by side: both answers with latency, cost and badge, through
 * the same pipeline as chat. Nothing is sent unless both sides can pay. Not saved.
 */
export function CompareView({
  services,
  left,
  right,
  onPick,
  allowLocalHttp,
}: {
  services: Service[];
  left: Service | undefined;
  right: Service | undefined;
  onPick: (side: SideName, provider: string) => void;
  allowLocalHttp: boolean;
}) {
  const { address } = useAccount();
  const inference = useInference();
  const subs = inference.subAccounts.data;
  const [prompt, setPrompt] = useState('');
  const [sides, setSides] = useState<Record<SideName, Side | null>>({ left: null, right: null });
  const [blocked, setBlocked] = useState<PreflightProblem[]>([]);
  const controllers = useRef<AbortController[]>([]);
  const chosen: Record<SideName, Service | undefined> = { left, right };
  const setSide = (name: SideName, patch: Partial<Side>) =>
    setSides((prev) => ({ ...prev, [name]: { ...(prev[name] ?? { content: '', running: true }), ...patch } }));

  async function run(name: SideName, svc: Service, text: string, controller: AbortController) {
    // A fresh side: nothing of the last answer (its bytes included) stays.
    setSides((prev) => ({ ...prev, [name]: { content: '', running: true, service: svc } }));
    const outcome = await inference.run({
      service: svc,
      controller,
      send: (authorization, signal) =>
        streamChat({
          endpoint: `${svc.url}/v1/proxy`,
          authorization,
          body: {
            model: svc.model,
            messages: [{ role: 'user', content: text }],
            stream: true,
            stream_options: { include_usage: true },
            max_tokens: COMPARE_MAX_TOKENS,
          },
          signal,
          onDelta: ({ content }) => setSide(name, { content }),
        }),
    });
    if (outcome.kind === 'refused') {
      setSide(name, { running: false, error: outcome.message });
      return;
    }
    const { exchange, cost, latencyMs } = outcome;
    setSide(name, {
      content: exchange.content,
      latencyMs,
      cost: cost ?? undefined,
      error: exchange.problem ? problemSentence(exchange.problem) : undefined,
      verification: exchange.problem ? undefined : { state: 'verifying', reason: 'Checking the TEE signature.' },
      exchange: { request: exchange.requestBytes, response: exchange.responseBytes },
      chatId: exchange.chatId,
    });
    setSide(name, { verification: await inference.verify(svc, exchange), running: false });
  }

  const compare = () => {
    if (!left || !right) return;
    const needs = SIDES.map((name) => {
      const svc = chosen[name]!;
      return {
        service: svc,
        estimate: estimateCost(svc, [prompt], COMPARE_MAX_TOKENS).neuron,
        label: `The ${name} side (${svc.model})`,
      };
    });
    const problems = inference.check(needs);
    setBlocked(problems);
    if (problems.length > 0) return;
    controllers.current = SIDES.map(() => new AbortController());
    SIDES.forEach((name, i) => void run(name, chosen[name]!, prompt, controllers.current[i]!));
  };

  const busy = SIDES.some((n) => sides[n]?.running);
  return (
    <section aria-label="Compare two providers" className="flex flex-col gap-3">
      {/* One column on a phone (grid-cols-1 is minmax(0, 1fr)): a picker never widens the page. Outside the
          form: a picker's Fund dialog holds a form of its own, and forms must not nest. */}
      <div className="grid grid-cols-1 gap-2 lg:grid-cols-2">
        {SIDES.map((name) => (
          <ProviderPicker
            key={name}
            label={name === 'left' ? 'Left provider' : 'Right provider'}
            services={services}
            service={chosen[name]}
            onPick={(p) => {
              setBlocked([]);
              onPick(name, p);
            }}
            sub={address ? (subs ? inferenceSubAccount(subs, chosen[name]?.provider) : undefined) : null}
            connected={!!address}
          />
        ))}
      </div>
      <form
        className="flex flex-col gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (prompt.trim() && !busy) compare();
        }}
      >
        <Field label="Prompt" labelClassName="font-normal">
          {(control) => (
            <Textarea
              {...control}
              value={prompt}
              rows={2}
              onChange={(e) => setPrompt(e.target.value)}
              className="rounded-xl p-3"
            />
          )}
        </Field>
        <div className="flex flex-wrap items-center gap-2">
          {busy ? (
            <Button type="button" variant="secondary" onClick={() => controllers.current.forEach((c) => c.abort())}>
              Stop
            </Button>
          ) : (
            <Button type="submit" disabled={!prompt.trim() || !left || !right}>
              Compare
            </Button>
          )}
          {left && right && prompt.trim() && (
            <span className="text-xs text-zinc-600 dark:text-zinc-400">
              Estimated cost up to{' '}
              {og(
                SIDES.reduce((n, s) => n + estimateCost(chosen[s]!, [prompt], COMPARE_MAX_TOKENS).neuron, 0n),
                9,
              )}{' '}
              for both sides.
            </span>
          )}
        </div>
      </form>
      {blocked.length > 0 && (
        <div role="alert" className="flex flex-col gap-2 text-sm text-amber-800 dark:text-amber-300">
          <p>Nothing was sent: both sides must be able to pay before either is asked.</p>
          {blocked.map((p, i) => (
            <div key={i} className="flex flex-wrap items-center gap-2">
              <span>{preflightSentence(p, 'this prompt')}</span>
              {needsFunding(p) && (
                <FundButton
                  size="sm"
                  label={`Fund ${p.need.service.model}`}
                  target={{ kind: 'inference', provider: p.need.service.provider }}
                />
              )}
            </div>
          ))}
        </div>
      )}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {SIDES.map((name) => {
          const svc = chosen[name];
          const side = sides[name];
          return (
            <article
              key={name}
              aria-label={`Answer from ${svc?.model ?? 'provider'} (${name})`}
              className="flex min-w-0 flex-col gap-2 rounded-xl border border-zinc-200 bg-white p-3 text-sm dark:border-zinc-800 dark:bg-zinc-900"
            >
              <p className="font-medium break-words">{svc?.model ?? '—'}</p>
              {side?.content && <Markdown text={side.content} allowLocalHttp={allowLocalHttp} />}
              {side?.running && !side.content && <p className="text-zinc-600 dark:text-zinc-400">…</p>}
              {side?.error && (
                <p role="alert" className="text-xs text-red-700 dark:text-red-400">
                  {side.error}
                </p>
              )}
              <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
                {side?.verification && (
                  <VerificationBadge
                    verification={side.verification}
                    proof={{
                      kind: 'chat',
                      service: side.service,
                      exchange: side.exchange,
                      fileName: chatProofName(side.chatId),
                    }}
                  />
                )}
                {side?.latencyMs !== undefined && <span>Latency {(side.latencyMs / 1000).toFixed(2)} s</span>}
                {side?.cost !== undefined && <span>Cost {og(side.cost, 9)}</span>}
              </div>
            </article>
          );
        })}
      </div>
    </section>
  );
}
