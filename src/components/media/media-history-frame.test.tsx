// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import type { ComponentProps } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openMediaStore } from '../../lib/media/store';
import type { MediaItem, MediaStore } from '../../lib/media/types';
import { MediaHistoryFrame } from './media-history-frame';

const ALICE = '0xdD2FD4581271e230360230F9337D5c0430Bf44C0';
const CHAIN = 31337;
const WORDS = {
  search: 'Search transcripts',
  list: 'Saved transcripts',
  kept: 'Transcripts',
  empty: 'Nothing saved yet.',
  noMatch: 'Nothing matches.',
};

const item = (id: string, prompt: string, age: number): MediaItem => ({
  id,
  kind: 'transcript',
  chainId: CHAIN,
  owner: ALICE,
  createdAt: Date.now() - age * 1000,
  provider: '0x0000000000000000000000000000000000000001',
  model: 'whisper',
  serviceUrl: 'https://provider.example',
  chatId: `chat-${id}`,
  prompt,
  settings: {},
  verification: { state: 'verified', reason: 'Signed by the TEE.' },
  requestSha256: 'aa',
  responseSha256: 'bb',
  mediaSha256: 'cc',
  mediaType: 'audio/wav',
  bytes: 4,
  text: `Text of ${prompt}`,
});

async function storeWith(items: MediaItem[]): Promise<MediaStore> {
  const store = openMediaStore(new IDBFactory());
  for (const i of items) await store.put(i);
  return store;
}

type Props = ComponentProps<typeof MediaHistoryFrame>;

/** The frame with a plain renderer: one `<li>` per item with its prompt and a Delete button. */
function renderFrame(store: MediaStore, over: Partial<Props> = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const props: Props = {
    store,
    chainId: CHAIN,
    owner: ALICE,
    kind: 'transcript',
    version: 0,
    pageSize: 2,
    words: WORDS,
    exportLabel: 'Export (JSON)',
    onExport: vi.fn(async () => {}),
    listClassName: '',
    renderItems: (items, remove) =>
      items.map((i) => (
        <li key={i.id}>
          <span>{i.prompt}</span>
          <button onClick={() => remove(i)}>Delete {i.prompt}</button>
        </li>
      )),
    ...over,
  };
  const view = render(
    <QueryClientProvider client={client}>
      <MediaHistoryFrame {...props} />
    </QueryClientProvider>,
  );
  const rerender = (next: Partial<Props>) =>
    view.rerender(
      <QueryClientProvider client={client}>
        <MediaHistoryFrame {...props} {...next} />
      </QueryClientProvider>,
    );
  return { ...view, props, rerender };
}

const shown = () =>
  within(screen.getByRole('list', { name: 'Saved transcripts' }))
    .queryAllByRole('listitem')
    .map((li) => li.querySelector('span')?.textContent);

afterEach(cleanup);

describe('MediaHistoryFrame', () => {
  it('shows one page, then the next with Show more, and narrows with the search', async () => {
    renderFrame(await storeWith([item('a', 'alpha', 1), item('b', 'beta', 2), item('c', 'gamma', 3)]));
    await waitFor(() => expect(shown()).toEqual(['alpha', 'beta']));
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(shown()).toEqual(['alpha', 'beta', 'gamma']));
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search transcripts' }), { target: { value: 'GAM' } });
    await waitFor(() => expect(shown()).toEqual(['gamma']));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search transcripts' }), { target: { value: 'zebra' } });
    expect(await screen.findByText('Nothing matches.')).toBeTruthy();
  });

  it('says how things are kept, and offers to ask the browser to keep them only when told to', async () => {
    const store = await storeWith([]);
    renderFrame(store);
    expect(await screen.findByText('Nothing saved yet.')).toBeTruthy();
    expect(
      screen.getByText(/^Transcripts are kept in this browser only, for this wallet on this network\./),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export (JSON)' })).toHaveProperty('disabled', true);
    expect(screen.queryByRole('button', { name: 'Ask the browser to keep this history' })).toBeNull();
    cleanup();
    renderFrame(store, { offerPersist: true });
    // happy-dom has no persisted storage, so the history is one the browser may clear.
    expect(await screen.findByRole('button', { name: 'Ask the browser to keep this history' })).toBeTruthy();
  });

  it('exports for the wallet shown, reads the list again when told a new item was saved', async () => {
    const store = await storeWith([item('a', 'alpha', 1)]);
    const { props, rerender } = renderFrame(store);
    await waitFor(() => expect(shown()).toEqual(['alpha']));
    fireEvent.click(screen.getByRole('button', { name: 'Export (JSON)' }));
    expect(props.onExport).toHaveBeenCalledWith(ALICE);
    await store.put(item('n', 'newest', 0));
    rerender({ version: 1 });
    await waitFor(() => expect(shown()).toEqual(['newest', 'alpha']));
  });

  it('deletes from the list and the store, and says so when deleting fails', async () => {
    const store = await storeWith([item('a', 'alpha', 1), item('b', 'beta', 2)]);
    const failing: MediaStore = {
      ...store,
      remove: async (id) => {
        if (id === 'b') throw new Error('The browser refused to delete it.');
        await store.remove(id);
      },
    };
    renderFrame(failing);
    await waitFor(() => expect(shown()).toEqual(['alpha', 'beta']));
    fireEvent.click(screen.getByRole('button', { name: 'Delete alpha' }));
    await waitFor(() => expect(shown()).toEqual(['beta']));
    expect(await store.get('a')).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: 'Delete beta' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The browser refused to delete it.');
    expect(shown()).toEqual(['beta']);
  });

  it('shows nothing without a wallet', async () => {
    const { container } = renderFrame(await storeWith([item('a', 'alpha', 1)]), { owner: undefined });
    expect(container.innerHTML).toBe('');
  });
});
