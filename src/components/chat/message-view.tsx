import { useMemo, useState } from 'react';
import type { Service } from '../../lib/chain/services';
import type { ChatMessage } from '../../lib/chat/types';
import { cn } from '../../lib/cn';
import { og } from '../../lib/units';
import { Button } from '../ui/button';
import { CopyButton } from '../ui/copy-button';
import { Textarea } from '../ui/textarea';
import { chatProofName, type ProofSource } from '../verify-export/proof-source';
import { Markdown } from './markdown';
import { VerificationBadge } from './verification-badge';

interface Props {
  message: ChatMessage;
  streaming: boolean;
  allowLocalHttp: boolean;
  isLastAnswer: boolean;
  busy: boolean;
  onEdit: (text: string) => void;
  onRegenerate: () => void;
  onRetryVerification?: () => void;
  /** The service the answer came from, as the page read it from chain (else the badge looks it up). */
  service?: Service;
  /** The answer's exact request and response bytes, while this visit still has them. */
  exchange?: { request: Uint8Array; response: Uint8Array };
}

const NO_BYTES =
  'This app does not keep an answer’s exact bytes once it is checked, so this proof holds only their hashes.';

/** What an answer's proof bundle is made from. */
function useAnswerProof(m: ChatMessage, service?: Service, exchange?: Props['exchange']): ProofSource {
  const { model, chatId } = m;
  return useMemo(
    () => ({
      kind: 'chat',
      service,
      stored: { model },
      exchange,
      noBytes: NO_BYTES,
      fileName: chatProofName(chatId),
    }),
    [service, model, chatId, exchange],
  );
}

/** One message: text (markdown for answers), reasoning collapsed, badge, cost, and its actions. */
export function MessageView({
  message: m,
  streaming,
  allowLocalHttp,
  isLastAnswer,
  busy,
  onEdit,
  onRegenerate,
  onRetryVerification,
  service,
  exchange,
}: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(m.content);
  const mine = m.role === 'user';
  const proof = useAnswerProof(m, service, exchange);
  return (
    <li
      aria-label={mine ? 'Your message' : `Answer from ${m.model ?? 'the provider'}`}
      className={cn('flex flex-col gap-1', mine ? 'items-end' : 'items-start')}
    >
      <div
        className={cn(
          'max-w-[min(48rem,100%)] rounded-2xl px-4 py-2 text-sm',
          mine ? 'bg-violet-600 text-white' : 'border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900',
        )}
      >
        {editing ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              setEditing(false);
              if (draft.trim()) onEdit(draft);
            }}
            className="flex flex-col gap-2"
          >
            {/* On the violet bubble: a white focus outline, the violet one would not show. */}
            <Textarea
              aria-label="Edit message"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              rows={3}
              className="w-72 border-white focus-visible:outline-white"
            />
            <div className="flex gap-2">
              <Button type="submit" size="sm" variant="secondary" className="focus-visible:outline-white">
                Resend
              </Button>
              <Button
                size="sm"
                variant="ghost"
                className="text-white hover:bg-violet-700 focus-visible:outline-white dark:text-white dark:hover:bg-violet-700"
                onClick={() => setEditing(false)}
              >
                Cancel
              </Button>
            </div>
          </form>
        ) : mine ? (
          <p className="whitespace-pre-wrap">{m.content}</p>
        ) : (
          <>
            {m.reasoning && (
              <details className="mb-2 text-xs text-zinc-600 dark:text-zinc-400">
                <summary className="cursor-pointer py-1">Reasoning</summary>
                <p className="mt-1 whitespace-pre-wrap">{m.reasoning}</p>
              </details>
            )}
            {m.content ? (
              <Markdown text={m.content} allowLocalHttp={allowLocalHttp} />
            ) : streaming ? (
              <p className="text-zinc-500 dark:text-zinc-400">…</p>
            ) : null}
          </>
        )}
      </div>
      {m.error && (
        <p role="alert" className="max-w-[48rem] text-xs text-red-700 dark:text-red-400">
          {m.status === 'partial' ? 'Incomplete: ' : ''}
          {m.error}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
        {!mine && m.verification && (
          <VerificationBadge verification={m.verification} onRetry={onRetryVerification} proof={proof} />
        )}
        {!mine && m.cost && <span>Cost {og(BigInt(m.cost), 9)}</span>}
        {!mine && m.usage && (
          <span>
            {m.usage.prompt_tokens} in / {m.usage.completion_tokens} out tokens
          </span>
        )}
        {!mine && m.latencyMs !== undefined && <span>{(m.latencyMs / 1000).toFixed(1)} s</span>}
        {!streaming && m.content && <CopyButton value={m.content} label="Copy message" />}
        {mine && !busy && (
          <Button size="xs" variant="ghost" onClick={() => setEditing(true)}>
            Edit
          </Button>
        )}
        {!mine && isLastAnswer && !busy && (
          <Button size="xs" variant="ghost" onClick={onRegenerate}>
            Regenerate
          </Button>
        )}
      </div>
    </li>
  );
}
