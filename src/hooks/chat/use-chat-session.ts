import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Service } from '../../lib/chain/services';
import { openChatStore } from '../../lib/chat/store';
import { repairInterrupted } from '../../lib/chat/repair';
import { CONVERSATION_DEFAULTS } from '../../lib/chat/settings';
import type { ChatMessage, Conversation } from '../../lib/chat/types';
import { streamChat, type ChatExchange } from '../../lib/inference/chat-request';
import { problemSentence, type InferenceProblem, type StopReason } from '../../lib/inference/errors';
import { isFinal } from '../../lib/inference/verify';
import { useInference } from '../inference/use-inference';
import { answerBytes, keepAnswerBytes } from './answer-bytes';

const newId = () => crypto.randomUUID();

export function newConversation(chainId: number, owner: string, service?: Service): Conversation {
  const now = Date.now();
  return {
    id: newId(),
    chainId,
    owner: owner.toLowerCase(),
    title: 'New chat',
    provider: service?.provider,
    model: service?.model,
    ...CONVERSATION_DEFAULTS,
    messages: [],
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The exchange bytes of answers whose verification could not run yet (signature endpoint down), with
 * the service that produced them, kept for this visit so "Retry verification" can check them again.
 * Freed once the verification is final and stored.
 */
const exchanges = new Map<string, { service: Service; exchange: ChatExchange }>();

/**
 * One chat conversation: sending with streaming and Stop, the request header (one wallet signature
 * per provider until its token expires, then none), automatic verification of every answer bound
 * to its bytes, cost from usage, and saving after every change so a reload loses nothing.
 */
export function useChatSession(
  service: Service | undefined,
  /** Told when a request is refused, e.g. to offer funding when the provider says the money ran out. */
  onRefused?: (problem: InferenceProblem) => void,
) {
  const inference = useInference({ onRefused });
  const store = useMemo(() => openChatStore(), []);
  const [conversation, setConversation] = useState<Conversation | null>(null);
  const [streamingId, setStreamingId] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);
  const current = useRef<Conversation | null>(null);
  // Conversations whose answer was still arriving when another one was opened: that answer's last
  // changes (its stop, its error) are still saved to them, out of sight.
  const away = useRef(new Map<string, Conversation>());
  const lastSave = useRef(0);

  useEffect(() => {
    current.current = conversation;
  }, [conversation]);

  // Stable, so pages can open a conversation from an effect.
  const open = useCallback(
    (c: Conversation | null, why: StopReason = 'conversation-changed') => {
      // Opening another conversation stops the answer still streaming into this one, which keeps it.
      if (controller.current && current.current) away.current.set(current.current.id, current.current);
      controller.current?.abort(why);
      // An answer may still be finishing in the background into the very conversation reopened.
      const latest = c && (away.current.get(c.id) ?? c);
      const repaired = latest && repairInterrupted(latest);
      current.current = repaired;
      setConversation(repaired);
      // Saved as repaired, so the mark stays on the next visit too.
      if (repaired && repaired !== latest) void store.put(repaired);
    },
    [store],
  );

  /**
   * Applies a change to a conversation (the open one unless `id` says otherwise), shows it, and
   * saves it (throttled while streaming, at once otherwise).
   */
  function update(change: (c: Conversation) => Conversation, force = true, id = current.current?.id) {
    const base = current.current;
    if (!base || base.id !== id) {
      const hidden = id ? away.current.get(id) : undefined;
      if (!hidden) return;
      const next = { ...change(hidden), updatedAt: Date.now() };
      away.current.set(next.id, next);
      void store.put(next);
      return;
    }
    const next = { ...change(base), updatedAt: Date.now() };
    current.current = next;
    setConversation(next);
    if (force || Date.now() - lastSave.current > 250) {
      lastSave.current = Date.now();
      void store.put(next);
    }
  }

  const patchMessage = (convId: string, id: string, patch: Partial<ChatMessage>, force = true) =>
    update((c) => ({ ...c, messages: c.messages.map((m) => (m.id === id ? { ...m, ...patch } : m)) }), force, convId);

  async function verify(convId: string, messageId: string, svc: Service, exchange: ChatExchange) {
    if (!exchange.problem)
      patchMessage(
        convId,
        messageId,
        { verification: { state: 'verifying', reason: 'Checking the TEE signature.' } },
        false,
      );
    const verification = await inference.verify(svc, exchange);
    patchMessage(convId, messageId, { verification });
    keepAnswerBytes(messageId, svc, exchange);
    if (isFinal(verification)) exchanges.delete(messageId);
    else exchanges.set(messageId, { service: svc, exchange });
  }

  /** Asks the provider for one answer to the conversation so far (ending with a user message). */
  async function answer(svc: Service, history: ChatMessage[]) {
    const conv = current.current;
    if (!conv) return;
    const reply: ChatMessage = {
      id: newId(),
      role: 'assistant',
      content: '',
      provider: svc.provider,
      model: svc.model,
      status: 'partial',
      createdAt: Date.now(),
    };
    const patch = (p: Partial<ChatMessage>, force = true) => patchMessage(conv.id, reply.id, p, force);
    update((c) => ({ ...c, messages: [...history, reply] }));
    setStreamingId(reply.id);
    const abort = new AbortController();
    controller.current = abort;
    const messages = [
      ...(conv.systemPrompt.trim() ? [{ role: 'system', content: conv.systemPrompt }] : []),
      ...history.filter((m) => m.status !== 'error').map((m) => ({ role: m.role, content: m.content })),
    ];
    const body = {
      model: svc.model,
      messages,
      stream: true,
      stream_options: { include_usage: true },
      temperature: conv.temperature,
      max_tokens: conv.maxTokens,
    };
    const outcome = await inference.run({
      service: svc,
      controller: abort,
      send: (authorization, signal) =>
        streamChat({
          endpoint: `${svc.url}/v1/proxy`,
          authorization,
          body,
          signal,
          onDelta: ({ content, reasoning }) => patch({ content, reasoning }, false),
        }),
    });
    try {
      if (outcome.kind === 'refused') {
        patch({
          status: 'error',
          error: outcome.message,
          verification: { state: 'not-verifiable', reason: 'No answer arrived to verify.' },
        });
        return;
      }
      const { exchange, cost, latencyMs } = outcome;
      patch({
        content: exchange.content,
        reasoning: exchange.reasoning || undefined,
        chatId: exchange.chatId,
        usage: exchange.usage ?? undefined,
        cost: cost?.toString(),
        status: exchange.problem ? 'partial' : 'complete',
        error: exchange.problem ? problemSentence(exchange.problem) : undefined,
        latencyMs,
        ...(exchange.msToFirstToken === null
          ? {}
          : {
              firstTokenMs: Math.round(exchange.msToFirstToken),
              streamMs: Math.round(exchange.msTotal - exchange.msToFirstToken),
            }),
      });
      await verify(conv.id, reply.id, svc, exchange);
    } finally {
      away.current.delete(conv.id);
      if (controller.current === abort) {
        controller.current = null;
        setStreamingId(null);
      }
    }
  }

  return {
    /** The one IndexedDB store the page's conversation list shares. */
    store,
    conversation,
    streamingId,
    open,
    setSettings: (
      patch: Partial<Pick<Conversation, 'systemPrompt' | 'temperature' | 'maxTokens' | 'provider' | 'model'>>,
    ) => update((c) => ({ ...c, ...patch })),
    /** Sends a new user message. */
    send: async (text: string) => {
      const conv = current.current;
      if (!conv || !service || streamingId) return;
      const user: ChatMessage = { id: newId(), role: 'user', content: text, status: 'complete', createdAt: Date.now() };
      const title = conv.messages.length === 0 ? text.slice(0, 60) : conv.title;
      update((c) => ({ ...c, title, provider: service.provider, model: service.model }));
      await answer(service, [...conv.messages, user]);
    },
    /** Replaces a user message and answers again from there. */
    edit: async (messageId: string, text: string) => {
      const conv = current.current;
      if (!conv || !service || streamingId) return;
      const at = conv.messages.findIndex((m) => m.id === messageId);
      if (at < 0) return;
      const edited = { ...conv.messages[at]!, content: text, createdAt: Date.now() };
      await answer(service, [...conv.messages.slice(0, at), edited]);
    },
    /** Asks again for the last answer. */
    regenerate: async () => {
      const conv = current.current;
      if (!conv || !service || streamingId) return;
      const lastUser = conv.messages.map((m) => m.role).lastIndexOf('user');
      if (lastUser < 0) return;
      await answer(service, conv.messages.slice(0, lastUser + 1));
    },
    stop: () => controller.current?.abort(),
    /** What stands between a message and its request (see useInference().check). */
    check: inference.check,
    /** Checks a stored answer again (e.g. after "Verification unavailable"), while this visit still has its bytes. */
    reverify: async (messageId: string) => {
      const kept = exchanges.get(messageId);
      const conv = current.current;
      if (conv && kept) await verify(conv.id, messageId, kept.service, kept.exchange);
    },
    canReverify: (messageId: string) => exchanges.has(messageId),
    /** The service and exact bytes of an answer of this visit, for its proof; undefined after a reload. */
    answerOf: answerBytes,
  };
}
