import { answers, ask, badge, fundAccount, messages, openFundedChat } from './chat-helpers';
import { expect, test } from './fixtures';

// Answers render as GitHub-flavoured Markdown built from text nodes. chat-a answers a prompt containing
// "markdown table" with a table, a task list, strikethrough and a line of raw HTML (devnet/sim/reply.ts),
// quoting the prompt, so HTML in the prompt comes back in the answer too. Account 12 is this file's:
// a ledger and a sub-account with chat-a, made on chain in beforeAll.

const USER = 12;

// The page's window in page.evaluate callbacks (the node-side tsconfig has no DOM lib; see page-provider.ts).
declare const window: Record<string, unknown> & { innerWidth: number };
declare const document: { documentElement: { scrollWidth: number } };

test.beforeAll(async ({ manifest }) => {
  await fundAccount(manifest, USER, [manifest.providers.find((p) => p.name === 'chat-a')!]);
});

test('a GFM answer renders a real table, disabled checkboxes and <del>, raw HTML as text, and is Verified', async ({
  page,
  wallet,
  devnet,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // A phone: the table sits in a region that scrolls sideways, inside the answer, and the page does not widen.
  await page.setViewportSize({ width: 360, height: 780 });
  await openFundedChat(page, wallet, devnet.provider('chat-a'), USER);
  const answer = await ask(page, 'Show a markdown table');

  const table = answer.getByRole('table');
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveText(['Check', 'Value', 'Unit']);
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(
    table
      .getByRole('row', { name: /SHA-256/ })
      .getByRole('cell')
      .nth(2),
  ).toHaveText('first 4 bytes');
  const region = answer.getByRole('region', { name: 'Table' });
  await expect(region).toBeVisible();
  await expect(region).toHaveCSS('overflow-x', 'auto');
  const box = await region.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(360);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    await page.evaluate(() => window.innerWidth),
  );

  const done = answer.getByRole('checkbox', { name: 'Sign the response in the TEE' });
  const open = answer.getByRole('checkbox', { name: 'Settle the fee on chain' });
  await expect(answer.getByRole('checkbox')).toHaveCount(3);
  await expect(done).toBeChecked();
  await expect(done).toBeDisabled();
  await expect(open).not.toBeChecked();
  await expect(open).toBeDisabled();

  await expect(answer.locator('del')).toHaveText('Trust the provider');
  // The simulator's own line of raw HTML shows as the text it is.
  await expect(answer.getByText('<p>This line is raw HTML.</p>', { exact: true })).toBeVisible();
  await expect(answer.locator('p', { hasText: /^This line is raw HTML\.$/ })).toHaveCount(0);

  // HTML in the prompt comes back quoted in the answer, as text too.
  const hostile = 'markdown table <img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script>';
  const second = await ask(page, hostile);
  await expect(second).toContainText(`You wrote: "${hostile}"`);
  await expect(second.getByRole('table')).toBeVisible();
  await expect(messages(page).locator('img, script, iframe')).toHaveCount(0);
  // Rendering changes nothing that was signed: both answers are still Verified.
  await expect(answers(page)).toHaveCount(2);
  await expect(badge(answer, 'Verified')).toBeVisible();
  await expect(badge(second, 'Verified')).toBeVisible();
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
