// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ToastContext } from '../../hooks/ui/use-toast';
import type { ChatStore } from '../../lib/chat/store';
import type { ChatMessage, Conversation } from '../../lib/chat/types';
import { ConversationList } from './conversation-list';

const OWNER = '0x00000000000000000000000000000000000000aa';

const conversation = (over: Partial<Conversation> = {}): Conversation => ({
  id: 'c1',
  chainId: 31337,
  owner: OWNER,
  title: 'New chat',
  systemPrompt: '',
  temperature: 0.7,
  maxTokens: 1024,
  messages: [],
  createdAt: 1,
  updatedAt: 1,
  ...over,
});

const message = (over: Partial<ChatMessage>): ChatMessage => ({
  id: 'm',
  role: 'user',
  content: '',
  status: 'complete',
  createdAt: 1,
  ...over,
});

/** An in-memory store that counts how often the list is read. */
function memoryStore() {
  const rows = new Map<string, Conversation>();
  const store: ChatStore = {
    list: vi.fn(async () => [...rows.values()].sort((a, b) => b.updatedAt - a.updatedAt)),
    get: async (id) => rows.get(id),
    put: async (c) => void rows.set(c.id, c),
    remove: async (id) => void rows.delete(id),
    search: async () => [],
  };
  return { store, rows, reads: () => vi.mocked(store.list).mock.calls.length };
}

function setup() {
  const memory = memoryStore();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = (active: Conversation | null) => (
    <QueryClientProvider client={client}>
      <ToastContext.Provider value={() => {}}>
        <ConversationList
          store={memory.store}
          chainId={31337}
          owner={OWNER}
          active={active}
          onOpen={() => {}}
          onNew={() => {}}
        />
      </ToastContext.Provider>
    </QueryClientProvider>
  );
  const rendered = render(view(null));
  /** Saves `c` as the chat session does, then shows it as the open conversation. */
  const show = async (c: Conversation) => {
    await memory.store.put(c);
    await act(async () => rendered.rerender(view(c)));
  };
  return { ...memory, show };
}

afterEach(cleanup);

describe('ConversationList', () => {
  it('shows a new conversation and its title without a reload', async () => {
    const { show } = setup();
    expect(await screen.findByText('No saved chats yet.')).toBeTruthy();
    await show(conversation({ title: 'Capitals of Europe', messages: [message({ content: 'Capitals of Europe' })] }));
    expect(await screen.findByText('Capitals of Europe')).toBeTruthy();
  });

  it('does not re-read the store for streamed tokens, but does once the answer ends', async () => {
    const { show, reads } = setup();
    const user = message({ id: 'u', content: 'Hi' });
    const answer = (content: string, over: Partial<ChatMessage> = {}) =>
      message({ id: 'a', role: 'assistant', content, status: 'partial', ...over });
    await show(conversation({ title: 'Hi', messages: [user, answer('')], updatedAt: 2 }));
    await screen.findByText('Hi');
    const before = reads();

    for (let i = 1; i <= 20; i++)
      await show(conversation({ title: 'Hi', messages: [user, answer('x'.repeat(i))], updatedAt: 2 + i }));
    expect(reads()).toBe(before);

    await show(conversation({ title: 'Hi', messages: [user, answer('done', { status: 'complete' })], updatedAt: 30 }));
    await waitFor(() => expect(reads()).toBe(before + 1));
  });

  it('re-reads when another conversation is opened', async () => {
    const { show, reads } = setup();
    await show(conversation({ id: 'c1', title: 'First', messages: [message({ content: 'First' })], updatedAt: 2 }));
    await screen.findByText('First');
    const before = reads();
    await show(conversation({ id: 'c2', title: 'Second', messages: [message({ content: 'Second' })], updatedAt: 3 }));
    expect(await screen.findByText('Second')).toBeTruthy();
    expect(reads()).toBe(before + 1);
  });
});
