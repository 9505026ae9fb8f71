import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import type { ChatStore } from '../../lib/chat/store';
import { conversationFromJson, conversationToJson } from '../../lib/chat/conversation-file';
import { conversationFromMarkdown, conversationToMarkdown } from '../../lib/chat/conversation-file-markdown';
import type { Conversation } from '../../lib/chat/types';
import { cn } from '../../lib/cn';
import { downloadText } from '../../lib/download';
import { queryKeys } from '../../lib/query-keys';
import { useToast } from '../../hooks/ui/use-toast';
import { Button } from '../ui/button';
import { Input } from '../ui/input';

const EXPORTS = [
  ['Export JSON', 'json', 'application/json', conversationToJson],
  ['Export Markdown', 'md', 'text/markdown', conversationToMarkdown],
] as const;

/**
 * What of the open conversation the list shows or is ordered by. Streamed tokens leave it unchanged, so
 * they cause no IndexedDB read; a new or reopened conversation, its first message (the title), a sent
 * message, and an answer ending (its status or verification settling) each change it once.
 */
function listVersion(c: Conversation | null): string {
  if (!c) return '';
  const last = c.messages.at(-1);
  return JSON.stringify([c.id, c.title, c.messages.length, last?.status, last?.verification?.state]);
}

interface Props {
  store: ChatStore;
  chainId: number;
  owner: string;
  active: Conversation | null;
  onOpen: (c: Conversation) => void;
  onNew: () => void;
}

/**
 * Saved conversations of this wallet on this network: open, search, delete, export, import. On a
 * phone the list folds away behind a "Conversations" button, so the messages and the box come first.
 */
export function ConversationList({ store, chainId, owner, active, onOpen: open, onNew: startNew }: Props) {
  const [query, setQuery] = useState('');
  // Only read below the md breakpoint: from there on the list is always shown.
  const [expanded, setExpanded] = useState(false);
  const panelId = useId();
  const onOpen = (c: Conversation) => {
    setExpanded(false);
    open(c);
  };
  const onNew = () => {
    setExpanded(false);
    startNew();
  };
  const toast = useToast();
  const queryClient = useQueryClient();
  const file = useRef<HTMLInputElement>(null);
  const list = useQuery({
    queryKey: queryKeys.conversations({ chainId, owner, query, version: listVersion(active) }),
    queryFn: async () =>
      query.trim()
        ? (await store.search(chainId, owner, query)).map((h) => ({ conversation: h.conversation, snippet: h.snippet }))
        : (await store.list(chainId, owner)).map((c) => ({ conversation: c, snippet: '' })),
    placeholderData: (prev) => prev,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.conversations.all });

  async function importFile(f: File) {
    try {
      const text = await f.text();
      const target = { chainId, owner };
      const c = f.name.endsWith('.md') ? conversationFromMarkdown(text, target) : conversationFromJson(text, target);
      await store.put(c);
      await refresh();
      onOpen(c);
      toast({ title: `Imported "${c.title}"`, tone: 'success' });
    } catch (err) {
      toast({ title: 'Could not import that file', description: (err as Error).message, tone: 'error' });
    }
  }

  return (
    <div className="flex min-w-0 flex-col gap-2">
      <Button
        variant="secondary"
        size="sm"
        aria-expanded={expanded}
        aria-controls={panelId}
        onClick={() => setExpanded((e) => !e)}
        className="justify-between md:hidden"
      >
        <span className="truncate">
          Conversations
          {active?.title && <span className="font-normal text-zinc-600 dark:text-zinc-400"> · {active.title}</span>}
        </span>
        <span aria-hidden="true">{expanded ? '▴' : '▾'}</span>
      </Button>
      <aside
        id={panelId}
        aria-label="Conversations"
        className={cn('flex flex-col gap-2', !expanded && 'max-md:hidden')}
      >
        <div className="flex gap-2">
          <Button size="sm" onClick={onNew} className="flex-1">
            New chat
          </Button>
          <Button size="sm" variant="secondary" onClick={() => file.current?.click()}>
            Import
          </Button>
          <input
            ref={file}
            type="file"
            accept=".json,.md,application/json,text/markdown"
            className="hidden"
            aria-label="Import a conversation file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void importFile(f);
            }}
          />
        </div>
        <Input
          type="search"
          aria-label="Search conversations"
          placeholder="Search conversations"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="h-9 px-2"
        />
        <ul className="flex max-h-[60vh] flex-col gap-1 overflow-y-auto">
          {(list.data ?? []).map(({ conversation: c, snippet }) => (
            <li key={c.id}>
              <button
                type="button"
                onClick={() => onOpen(c)}
                aria-current={active?.id === c.id ? 'true' : undefined}
                className={cn(
                  'w-full rounded-lg px-2 py-1.5 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800',
                  active?.id === c.id && 'bg-violet-100 dark:bg-violet-950',
                )}
              >
                <span className="block truncate">{c.title}</span>
                {snippet && <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">{snippet}</span>}
              </button>
            </li>
          ))}
          {list.data?.length === 0 && (
            <li className="text-xs text-zinc-500 dark:text-zinc-400">
              {query ? 'Nothing found.' : 'No saved chats yet.'}
            </li>
          )}
        </ul>
        {active && active.messages.length > 0 && (
          <div className="flex flex-wrap gap-2 border-t border-zinc-200 pt-2 text-xs dark:border-zinc-800">
            {EXPORTS.map(([label, ext, type, write]) => (
              <Button
                key={ext}
                size="sm"
                variant="ghost"
                onClick={() => downloadText(`${active.title || 'chat'}.${ext}`, type, write(active))}
              >
                {label}
              </Button>
            ))}
            <Button
              size="sm"
              variant="ghost"
              onClick={() => {
                void store.remove(active.id).then(refresh);
                onNew();
              }}
            >
              Delete chat
            </Button>
          </div>
        )}
      </aside>
    </div>
  );
}
