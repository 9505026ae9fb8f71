// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openMediaStore } from '../../lib/media/store';
import type { MediaItem, MediaStore } from '../../lib/media/types';
import { ImageHistory } from './image-history';

const ALICE = '0xdD2FD4581271e230360230F9337D5c0430Bf44C0';
const BOB = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const CHAIN = 31337;
const HOSTILE = '<img src=x onerror=alert(1)>';
const PROMPTS = ['A red fox in the snow', 'A blue whale at dawn', HOSTILE];

const item = (id: string, over: Partial<MediaItem> = {}): MediaItem => ({
  id,
  kind: 'image',
  chainId: CHAIN,
  owner: ALICE,
  createdAt: Date.now() - 60_000,
  provider: '0x0000000000000000000000000000000000000001',
  model: 'flux',
  serviceUrl: 'https://provider.example',
  chatId: `chat-${id}`,
  prompt: `Picture ${id}`,
  settings: { size: '512x512', n: 1, mode: 'generate' },
  verification: { state: 'verified', reason: 'Signed by the TEE.' },
  requestSha256: 'aa',
  responseSha256: 'bb',
  mediaSha256: 'cc',
  mediaType: 'image/png',
  bytes: 4,
  ...over,
});

const png = () => new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' });

/**
 * A fresh fake-indexeddb store holding `items`. Under happy-dom its Blobs do not survive IndexedDB's structured clone,
 * so the pictures are kept beside it in memory; listing, search and removal are the real store's.
 */
async function storeWith(items: MediaItem[]): Promise<MediaStore> {
  const base = openMediaStore(new IDBFactory());
  const pictures = new Map<string, Blob>();
  for (const i of items) {
    await base.put(i);
    pictures.set(i.id, png());
  }
  return {
    ...base,
    thumb: async (id) => pictures.get(id),
    media: async (id) => pictures.get(id),
    remove: async (id) => {
      await base.remove(id);
      pictures.delete(id);
    },
  };
}

/** Three saved pictures, newest first in PROMPTS order; the whale came from a link. */
const three = () =>
  PROMPTS.map((prompt, i) =>
    item(`p${i}`, {
      prompt,
      createdAt: Date.now() - (i + 1) * 60_000,
      ...(i === 1 ? { sourceUrl: 'https://cdn.example/whale.png' } : {}),
    }),
  );

function renderHistory(store: MediaStore, { owner }: { owner: string | undefined } = { owner: ALICE }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ImageHistory store={store} chainId={CHAIN} owner={owner} version={0} onOpen={vi.fn()} onReuse={vi.fn()} />
    </QueryClientProvider>,
  );
}

const tiles = () => within(screen.getByRole('list', { name: 'Saved pictures' })).queryAllByRole('listitem');
const shownPrompts = () => tiles().map((li) => li.querySelector('figcaption p')?.textContent);

afterEach(cleanup);

describe('ImageHistory', () => {
  it('lists the saved pictures of this wallet on this network, newest first', async () => {
    const store = await storeWith([...three(), item('bob', { owner: BOB, prompt: 'Not yours' })]);
    renderHistory(store);
    await waitFor(() => expect(tiles()).toHaveLength(3));
    expect(shownPrompts()).toEqual(PROMPTS);
    expect(screen.queryByText('Not yours')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('renders a hostile prompt as text and shows no picture that is not a blob', async () => {
    const { container } = renderHistory(await storeWith(three()));
    await waitFor(() => expect(tiles()).toHaveLength(3));
    const tile = tiles()[2]!;
    const img = await within(tile).findByRole('img', { name: HOSTILE });
    expect(img.getAttribute('src')).toMatch(/^blob:/);
    expect(within(tile).getByText(HOSTILE)).toBeTruthy();
    expect(within(tile).getByRole('button', { name: `Open full size: ${HOSTILE}` })).toBeTruthy();
    expect(tile.querySelector('figcaption')!.querySelector('img, a, script')).toBeNull();
    await waitFor(() => expect(container.querySelectorAll('img')).toHaveLength(3));
    for (const each of container.querySelectorAll('img')) expect(each.getAttribute('src')).toMatch(/^blob:/);
  });

  it('badges the picture saved from a link as link-only, the others as Verified', async () => {
    renderHistory(await storeWith(three()));
    await waitFor(() => expect(tiles()).toHaveLength(3));
    const [fox, whale] = tiles();
    expect(within(whale!).getByRole('button', { name: 'Link signed, picture not verified' })).toBeTruthy();
    expect(within(whale!).queryByRole('button', { name: 'Verified' })).toBeNull();
    expect(within(fox!).getByRole('button', { name: 'Verified' })).toBeTruthy();
  });

  it('narrows the list to prompts matching the search', async () => {
    renderHistory(await storeWith(three()));
    await waitFor(() => expect(tiles()).toHaveLength(3));
    const search = screen.getByRole('searchbox', { name: 'Search prompts' });
    fireEvent.change(search, { target: { value: 'WHALE' } });
    await waitFor(() => expect(shownPrompts()).toEqual(['A blue whale at dawn']));
    fireEvent.change(search, { target: { value: 'zebra' } });
    expect(await screen.findByText('No saved picture matches this search.')).toBeTruthy();
    expect(tiles()).toHaveLength(0);
  });

  it('removes a picture from the list and from storage with Delete', async () => {
    const store = await storeWith(three());
    renderHistory(store);
    await waitFor(() => expect(tiles()).toHaveLength(3));
    fireEvent.click(within(tiles()[0]!).getByRole('button', { name: /^Delete/ }));
    await waitFor(() => expect(shownPrompts()).toEqual(PROMPTS.slice(1)));
    expect(await store.get('p0')).toBeUndefined();
    expect(await store.count(CHAIN, ALICE, 'image')).toBe(2);
  });

  it('shows 48 pictures, then the rest with Show more', async () => {
    const many = Array.from({ length: 49 }, (_, i) =>
      item(`m${String(i).padStart(2, '0')}`, { createdAt: Date.now() - (i + 1) * 1000 }),
    );
    renderHistory(await storeWith(many));
    await waitFor(() => expect(tiles()).toHaveLength(48));
    expect(shownPrompts().at(-1)).toBe('Picture m47');
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(tiles()).toHaveLength(49));
    expect(shownPrompts().at(-1)).toBe('Picture m48');
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('says there is nothing yet when empty, and shows nothing without a wallet', async () => {
    const store = await storeWith([]);
    renderHistory(store);
    expect(await screen.findByText('No pictures yet: the ones you make are saved here.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export (zip)' })).toHaveProperty('disabled', true);
    cleanup();
    const { container } = renderHistory(store, { owner: undefined });
    expect(container.innerHTML).toBe('');
  });
});
