import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Service } from '../../lib/chain/services';
import { actualCost } from '../../lib/chat/cost';
import { openChatStore } from '../../lib/chat/store';
import { repairInterrupted } from '../../lib/chat/repair';
import type { ChatMessage, Conversation } from '../../lib/chat/types';
import { streamChat, type ChatExchange } from '../../lib/inference/chat-request';
import { InferenceError, problemSentence } from '../../lib/inference/errors';
import { toAppError } from '../../lib/errors';
import { useInference } from './use-inference';

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
    systemPrompt: '',
    temperature: 0.7,
    maxTokens: 512,
    messages: [],
    createdAt: now,
    updatedAt: now,
  };
}

/** The exchange bytes of recent answers, kept for this visit so a verification can be retried. */
const exchanges = new Map<string, ChatExchange>();

/**
 * One chat conversation: sending with streaming and Stop, the request header (one wallet signature
 * per provider until its token expires, then none), automatic verification of every answer bound
 * to its bytes, cost from usage, and saving after every change so a reload loses nothing.
 */
export function useChatSession(service: Service | undefined) {
  const inference = useInference();
  const store = useMemo(() => openChatStore(), []);
  const [conversation, setConversation] = useState<Conversation | null>(null);
  const [streamingId, setStreamingId] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);
  const current = useRef<Conversation | null>(null);
  const lastSave = useRef(0);

  useEffect(() => {
    current.current = conversation;
  }, [conversation]);

  // Stable, so pages can open a conversation from an effect.
  const open = useCallback(
    (c: Conversation | null) => {
      // Opening another conversation stops the answer still streaming into this one.
      controller.current?.abort();
      const repaired = c && repairInterrupted(c);
      current.current = repaired;
      setConversation(repaired);
      // Saved as repaired, so the mark stays on the next visit too.
      if (repaired && repaired !== c) void store.put(repaired);
    },
    [store],
  );

  /** Applies a change, shows it, and saves it (throttled while streaming, at once otherwise). */
  function update(change: (c: Conversation) => Conversation, force = true) {
    const base = current.current;
    if (!base) return;
    const next = { ...change(base), updatedAt: Date.now() };
    current.current = next;
    setConversation(next);
    if (force || Date.now() - lastSave.current > 250) {
      lastSave.current = Date.now();
      void store.put(next);
    }
  }

  const patchMessage = (id: string, patch: Partial<ChatMessage>, force = true) =>
    update((c) => ({ ...c, messages: c.messages.map((m) => (m.id === id ? { ...m, ...patch } : m)) }), force);

  async function verify(messageId: string, svc: Service, exchange: ChatExchange) {
    if (!exchange.problem)
      patchMessage(messageId, { verification: { state: 'verifying', reason: 'Checking the TEE signature.' } }, false);
    patchMessage(messageId, { verification: await inference.verify(svc, exchange) });
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
    const t0 = performance.now();
    try {
      let exchange: ChatExchange | null = null;
      for (let attempt = 0; attempt < 2 && !exchange; attempt++) {
        const auth = await inference.authorization(svc.provider, attempt > 0);
        try {
          exchange = await streamChat({
            endpoint: `${svc.url}/v1/proxy`,
            authorization: auth,
            body,
            signal: abort.signal,
            onDelta: ({ content, reasoning }) => patchMessage(reply.id, { content, reasoning }, false),
          });
        } catch (err) {
          // A refused token is renewed once (one signature), then reported.
          if (err instanceof InferenceError && err.problem.kind === 'unauthorized' && attempt === 0) continue;
          throw err;
        }
      }
      if (!exchange) return;
      exchanges.set(reply.id, exchange);
      patchMessage(reply.id, {
        content: exchange.content,
        reasoning: exchange.reasoning || undefined,
        chatId: exchange.chatId,
        usage: exchange.usage ?? undefined,
        cost: exchange.usage ? actualCost(svc, exchange.usage).toString() : undefined,
        status: exchange.problem ? 'partial' : 'complete',
        error: exchange.problem ? problemSentence(exchange.problem) : undefined,
        latencyMs: Math.round(performance.now() - t0),
      });
      await verify(reply.id, svc, exchange);
    } catch (err) {
      const message =
        err instanceof InferenceError
          ? err.message
          : toAppError(err).kind === 'user-rejected'
            ? 'You declined the signature the provider needs. Nothing was sent.'
            : toAppError(err).message;
      patchMessage(reply.id, {
        status: 'error',
        error: message,
        verification: { state: 'not-verifiable', reason: 'No answer arrived to verify.' },
      });
    } finally {
      controller.current = null;
      setStreamingId(null);
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
    /** Checks a stored answer again (e.g. after "Verification unavailable"), while this visit still has its bytes. */
    reverify: async (messageId: string) => {
      const exchange = exchanges.get(messageId);
      if (service && exchange) await verify(messageId, service, exchange);
    },
    canReverify: (messageId: string) => exchanges.has(messageId),
  };
}
