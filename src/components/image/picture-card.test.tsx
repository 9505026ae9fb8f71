// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoredVerification } from '../../lib/chat/types';
import type { PictureFacts } from '../../lib/media/picture-files';
import { PictureCard } from './picture-card';

const HOSTILE = '<img src=x onerror=alert(1)>';
const SCRIPT_LINK = '<a href="javascript:alert(1)">see proof</a>';
const VERIFIED: StoredVerification = { state: 'verified', reason: 'Signed by the TEE.' };
const png = () => new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' });

const facts = (over: Partial<PictureFacts> = {}): PictureFacts => ({
  prompt: 'A red fox in the snow',
  chatId: 'chat-1',
  mime: 'image/png',
  chainId: 31337,
  serviceUrl: 'https://provider.example',
  model: 'flux',
  verification: VERIFIED,
  ...over,
});

function renderCard(over: Partial<PictureFacts> = {}, props: Partial<Parameters<typeof PictureCard>[0]> = {}) {
  const blob = png();
  return render(<PictureCard facts={facts(over)} preview={blob} full={() => Promise.resolve(blob)} {...props} />);
}

/** Every <img> in the document must show a Blob of the bytes received, never a URL taken from the answer. */
function expectOnlyBlobImages() {
  const sources = [...document.querySelectorAll('img')].map((img) => img.getAttribute('src') ?? '');
  for (const src of sources) expect(src).toMatch(/^blob:/);
  return sources;
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('PictureCard', () => {
  it('shows the picture from a blob URL, named by its prompt', () => {
    renderCard();
    const img = screen.getByRole('img', { name: 'A red fox in the snow' });
    expect(img.getAttribute('src')).toMatch(/^blob:/);
    expect(screen.getByRole('button', { name: 'Open full size: A red fox in the snow' })).toBeTruthy();
  });

  it('renders a hostile prompt as text and makes no element from it', () => {
    const onOpen = vi.fn();
    const { container } = renderCard({ prompt: HOSTILE }, { onOpen });
    const caption = container.querySelector('figcaption')!;
    expect(within(caption).getByText(HOSTILE)).toBeTruthy();
    expect(expectOnlyBlobImages()).toHaveLength(1);
    expect(screen.getByRole('img', { name: HOSTILE })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: `Open full size: ${HOSTILE}` }));
    expect(onOpen).toHaveBeenCalledOnce();
    // The prompt is only ever text: no element other than the card's own came out of it.
    expect(caption.querySelector('img, a, script')).toBeNull();
  });

  it('renders a hostile verification reason as text in the badge detail', () => {
    renderCard({ verification: { ...VERIFIED, reason: SCRIPT_LINK, provider: HOSTILE } });
    fireEvent.click(screen.getByRole('button', { name: 'Verified' }));
    const dialog = screen.getByRole('dialog', { name: 'Verification: Verified' });
    expect(within(dialog).getByText(SCRIPT_LINK)).toBeTruthy();
    expect(within(dialog).getByText(HOSTILE)).toBeTruthy();
    expect(document.querySelector('a')).toBeNull();
    expect(expectOnlyBlobImages()).toHaveLength(1);
  });

  it('says "Link signed, picture not verified" for a picture fetched from a link, never "Verified"', () => {
    renderCard({ sourceUrl: 'https://cdn.example/fox.png' });
    expect(screen.queryByRole('button', { name: 'Verified' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Link signed, picture not verified' }));
    const dialog = screen.getByRole('dialog', { name: 'Verification: Link signed, picture not verified' });
    expect(dialog.textContent).toContain('not the picture the app fetched from it');
    // The link itself is never shown as a picture.
    expect(expectOnlyBlobImages()).toHaveLength(1);
  });

  it('says "Verified" for the same verification when the picture came inline', () => {
    renderCard();
    expect(screen.getByRole('button', { name: 'Verified' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Link signed, picture not verified' })).toBeNull();
  });

  it('shows a hostile source URL neither as a link nor as a picture', () => {
    renderCard({ sourceUrl: 'javascript:alert(1)' });
    expect(screen.getByRole('button', { name: 'Link signed, picture not verified' })).toBeTruthy();
    expect(document.querySelector('a')).toBeNull();
    expect(expectOnlyBlobImages()).toHaveLength(1);
  });

  it('shows Loading… and no image while the preview is not there yet', () => {
    render(<PictureCard facts={facts()} preview={null} full={() => Promise.resolve(undefined)} />);
    expect(screen.getByText('Loading…')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('button', { name: 'Open full size: A red fox in the snow' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('says so when a download finds the picture gone from storage', async () => {
    render(<PictureCard facts={facts()} preview={png()} full={() => Promise.resolve(undefined)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Download' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('This picture is no longer in this browser’s storage.'),
    );
  });

  it('offers Reuse settings and Delete only when given, and calls them', () => {
    const onReuse = vi.fn();
    const onDelete = vi.fn();
    const { unmount } = renderCard();
    expect(screen.queryByRole('button', { name: 'Reuse settings' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Delete/ })).toBeNull();
    unmount();
    renderCard({}, { onReuse, onDelete });
    fireEvent.click(screen.getByRole('button', { name: 'Reuse settings' }));
    fireEvent.click(screen.getByRole('button', { name: /^Delete/ }));
    expect(onReuse).toHaveBeenCalledOnce();
    expect(onDelete).toHaveBeenCalledOnce();
  });
});
