// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage } from '../../lib/chat/types';
import { MessageView } from './message-view';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';

const answer = (over: Partial<ChatMessage> = {}): ChatMessage => ({
  id: 'm1',
  role: 'assistant',
  content: 'Hello',
  model: 'qwen',
  status: 'complete',
  createdAt: 0,
  ...over,
});

function show(message: ChatMessage, props: Partial<Parameters<typeof MessageView>[0]> = {}) {
  const handlers = { onEdit: vi.fn(), onRegenerate: vi.fn() };
  const view = render(
    <ul>
      <MessageView
        message={message}
        streaming={false}
        allowLocalHttp={false}
        isLastAnswer
        busy={false}
        {...handlers}
        {...props}
      />
    </ul>,
  );
  return { ...view, ...handlers };
}

afterEach(cleanup);

describe('MessageView', () => {
  it('renders hostile content, reasoning, error and model strings as text', () => {
    const { container } = show(
      answer({
        model: HOSTILE,
        content: `${HOSTILE} **bold** ${SCRIPT} [x](javascript:alert(1))`,
        reasoning: `${SCRIPT} thinking`,
        error: `${HOSTILE} failed`,
        status: 'error',
      }),
    );
    const item = screen.getByRole('listitem', { name: `Answer from ${HOSTILE}` });
    expect(container.querySelector('img, script, a, iframe')).toBeNull();
    expect(item.textContent).toContain(`${HOSTILE} bold ${SCRIPT} x (javascript:alert(1))`);
    expect(within(item).getByText('bold').tagName).toBe('STRONG');
    expect(within(item).getByText(`${SCRIPT} thinking`).closest('details')).not.toBeNull();
    expect(screen.getByRole('alert').textContent).toBe(`${HOSTILE} failed`);
  });

  it('says an answer cut short is incomplete, and names the provider when the model is unknown', () => {
    show(answer({ model: undefined, status: 'partial', error: 'The stream was cut.' }));
    expect(screen.getByRole('listitem', { name: 'Answer from the provider' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Incomplete: The stream was cut.');
  });

  it('shows the verification badge text, cost and usage under an answer', () => {
    show(
      answer({
        verification: { state: 'verified', reason: 'Signature and content match.' },
        cost: '1500000000',
        usage: { prompt_tokens: 12, completion_tokens: 34 },
      }),
    );
    expect(screen.getByRole('button', { name: 'Verified' })).toBeTruthy();
    expect(screen.getByText('12 in / 34 out tokens')).toBeTruthy();
    expect(screen.getByText(/^Cost .* 0G$/)).toBeTruthy();
    cleanup();
    show(answer({ verification: { state: 'content-mismatch', reason: 'x', imported: true } }));
    expect(screen.getByRole('button', { name: 'Content mismatch (imported, not checked here)' })).toBeTruthy();
  });

  it("shows the user's own message verbatim, not as Markdown, and offers Edit", () => {
    const { onEdit } = show(answer({ role: 'user', content: `# not a heading ${HOSTILE}` }));
    const item = screen.getByRole('listitem', { name: 'Your message' });
    expect(within(item).queryByRole('heading')).toBeNull();
    expect(within(item).getByText(`# not a heading ${HOSTILE}`)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Edit message' }), { target: { value: 'again' } });
    fireEvent.click(screen.getByRole('button', { name: 'Resend' }));
    expect(onEdit).toHaveBeenCalledWith('again');
  });

  it('shows an ellipsis while the first token is on its way, and no Copy until the answer is done', () => {
    show(answer({ content: '' }), { streaming: true });
    expect(screen.getByText('…')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Copy message' })).toBeNull();
  });
});
