import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAccount } from 'wagmi';
import { ChatSettings } from '../components/chat/chat-settings';
import { CompareView } from '../components/chat/compare-view';
import { Composer } from '../components/chat/composer';
import { ConversationList } from '../components/chat/conversation-list';
import { MessageView } from '../components/chat/message-view';
import { ProviderPicker } from '../components/inference/provider-picker';
import { QueryError } from '../components/ui/query-error';
import { SegmentedControl } from '../components/ui/segmented-control';
import { ConnectButton } from '../components/wallet/connect-button';
import { useAccountData, useRefreshAccount } from '../hooks/account/use-account-data';
import { newConversation, useChatSession } from '../hooks/chat/use-chat-session';
import { useServices } from '../hooks/marketplace/use-services';
import { useActivity } from '../hooks/inference/use-activity';
import { useNetwork } from '../hooks/network/use-network';
import { inferenceSubAccount } from '../lib/chain/ledger-reads';
import type { Service } from '../lib/chain/services';
import { estimateCost } from '../lib/chat/cost';
import { defaultProvider } from '../lib/inference/default-provider';
import { needsFunding, preflightSentence } from '../lib/inference/preflight';
import { sameAddress } from '../lib/address';
import { og } from '../lib/units';

const FundDialog = lazy(() => import('../components/account/fund-dialog').then((m) => ({ default: m.FundDialog })));
const named = (list: Service[], provider: string | null) => list.find((s) => sameAddress(s.provider, provider));
const VIEWS = [
  { value: 'chat', label: 'Conversation' },
  { value: 'compare', label: 'Compare two providers' },
] as const;

export function ChatPage() {
  const { network } = useNetwork();
  const { address } = useAccount();
  const services = useServices();
  const chatServices = (services.data ?? []).filter((s) => s.serviceType === 'chatbot');
  const [params, setParams] = useSearchParams();
  const { subAccounts } = useAccountData(address);
  const { activity } = useActivity();
  // A link names the provider; without one, the one used or funded last, else a funded one, else a suggestion.
  const linked = named(chatServices, params.get('provider'));
  const fallback = linked ? null : defaultProvider(chatServices, activity, subAccounts.data);
  const service = linked ?? fallback?.service;
  // Compare's right side: the `with` of the link, else the first other provider.
  const other = named(chatServices, params.get('with')) ?? chatServices.find((s) => s !== service);
  const pick = (key: 'provider' | 'with', provider: string) => {
    const next = new URLSearchParams(params);
    next.set(key, provider);
    setParams(next, { replace: true });
  };
  const refreshAccount = useRefreshAccount();
  const [fundOpen, setFundOpen] = useState(false);
  // The provider's word beats our copy of the chain: re-read it, and offer funding (never automatic).
  const session = useChatSession(service, (problem) => {
    if (problem.kind !== 'unfunded') return;
    void refreshAccount();
    if (problem.code !== 'account_not_acknowledged') setFundOpen(true);
  });
  const { store } = session;
  const [draft, setDraft] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const owner = address?.toLowerCase();
  const view: (typeof VIEWS)[number]['value'] = params.get('view') === 'compare' ? 'compare' : 'chat';
  const { open } = session;
  const shown = useRef<{ chainId: number; owner?: string } | null>(null);

  // Each wallet and network has its own conversations: reopen the latest, or start one. An answer
  // still arriving stops at once, kept in its conversation with the reason.
  useEffect(() => {
    const before = shown.current;
    shown.current = { chainId: network.chain.id, owner };
    // (The pipeline itself stops a request still running; opening another conversation keeps its text there.)
    const why = before && before.chainId !== network.chain.id ? 'network-changed' : 'account-changed';
    if (!owner) return open(null, why);
    let live = true;
    void store.list(network.chain.id, owner).then((list) => {
      if (live) open(list[0] ?? newConversation(network.chain.id, owner), why);
    });
    return () => {
      live = false;
    };
  }, [owner, network.chain.id, store, open]);

  const conv = session.conversation;
  const sub = subAccounts.data ? inferenceSubAccount(subAccounts.data, service?.provider) : undefined;
  const context = [conv?.systemPrompt ?? '', ...(conv?.messages ?? []).map((m) => m.content), draft].filter(Boolean);
  const estimate = service && conv ? estimateCost(service, context, conv.maxTokens) : null;

  const send = (text: string): boolean => {
    if (!service || !conv) return false;
    const estimate = estimateCost(service, [...context.slice(0, -1), text], conv.maxTokens).neuron;
    const problem = session.check([{ service, estimate }])[0];
    if (problem) {
      setNote(preflightSentence(problem));
      if (needsFunding(problem)) setFundOpen(true);
      return false;
    }
    setNote(null);
    void session.send(text);
    return true;
  };

  return (
    <section aria-labelledby="page-title" className="flex flex-col gap-4">
      <h1 id="page-title" className="text-2xl font-semibold">
        Chat
      </h1>
      {services.isError ? (
        <QueryError
          what={`providers from ${network.chain.name}`}
          error={services.error}
          onRetry={() => void services.refetch()}
        />
      ) : view === 'compare' ? null : (
        <ProviderPicker
          services={chatServices}
          service={service}
          onPick={(p) => pick('provider', p)}
          sub={address ? sub : null}
          connected={!!address}
          note={fallback?.note}
        />
      )}
      {owner && (
        <SegmentedControl
          label="View"
          options={VIEWS}
          value={view}
          className="self-start"
          onChange={(v) => {
            const next = new URLSearchParams(params);
            if (v === 'compare') next.set('view', 'compare');
            else next.delete('view');
            setParams(next, { replace: true });
          }}
        />
      )}
      {owner && view === 'compare' ? (
        <CompareView
          services={chatServices}
          left={service}
          right={other}
          onPick={(side, p) => pick(side === 'left' ? 'provider' : 'with', p)}
          allowLocalHttp={network.kind === 'devnet'}
        />
      ) : !owner ? (
        <div className="flex flex-col items-start gap-3 rounded-xl border border-dashed border-zinc-300 p-6 dark:border-zinc-700">
          <p>
            Connect a wallet to chat: requests are paid from your sub-account with the provider, and the wallet signs
            one access token per provider.
          </p>
          <ConnectButton />
        </div>
      ) : (
        <div className="grid grid-cols-[minmax(0,1fr)] gap-4 md:grid-cols-[16rem_minmax(0,1fr)]">
          <ConversationList
            store={store}
            chainId={network.chain.id}
            owner={owner}
            active={conv}
            // The list's copy may be older than the saved one (an answer that just ended): open the saved one.
            onOpen={(c) => void store.get(c.id).then((saved) => open(saved ?? c))}
            onNew={() => open(newConversation(network.chain.id, owner, service))}
          />
          <div className="flex min-w-0 flex-col gap-3">
            {conv && <ChatSettings conversation={conv} onChange={session.setSettings} />}
            <ol aria-label="Messages" className="flex min-h-48 flex-col gap-4">
              {conv?.messages.map((m, i) => (
                <MessageView
                  key={m.id}
                  message={m}
                  streaming={session.streamingId === m.id}
                  allowLocalHttp={network.kind === 'devnet'}
                  isLastAnswer={i === conv.messages.length - 1 && m.role === 'assistant'}
                  busy={session.streamingId !== null}
                  onEdit={(text) => void session.edit(m.id, text)}
                  onRegenerate={() => void session.regenerate()}
                  onRetryVerification={session.canReverify(m.id) ? () => void session.reverify(m.id) : undefined}
                  service={session.answerOf(m.id)?.service}
                  exchange={session.answerOf(m.id)?.exchange}
                />
              ))}
              {conv?.messages.length === 0 && (
                <li className="text-sm text-zinc-500 dark:text-zinc-400">
                  Every answer is checked against the provider&apos;s TEE signature and bound to the exact bytes you
                  receive.
                </li>
              )}
            </ol>
            {note && (
              <p role="alert" className="text-sm text-amber-800 dark:text-amber-300">
                {note}
              </p>
            )}
            {/* Stays in sight at the bottom of the screen (above the phone's navigation bar) as the messages scroll. */}
            <Composer
              className="sticky bottom-16 z-10 bg-zinc-50 pt-2 pb-2 shadow-[0_0.75rem_0_0_var(--color-zinc-50)] lg:bottom-0 dark:bg-zinc-950 dark:shadow-[0_0.75rem_0_0_var(--color-zinc-950)]"
              onSend={send}
              onDraft={setDraft}
              onStop={session.stop}
              streaming={session.streamingId !== null}
              disabled={!service}
              note={
                estimate && (
                  <>
                    Estimated cost up to {og(estimate.neuron, 9)} (about {estimate.inputTokens} input tokens for the
                    whole conversation, assuming up to {estimate.outputTokens} output tokens).
                  </>
                )
              }
            />
          </div>
        </div>
      )}
      {service && fundOpen && (
        <Suspense fallback={null}>
          <FundDialog
            open={fundOpen}
            onClose={() => setFundOpen(false)}
            target={{ kind: 'inference', provider: service.provider }}
          />
        </Suspense>
      )}
    </section>
  );
}
