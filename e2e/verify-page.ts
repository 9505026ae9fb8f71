import type { Browser, Page } from '@playwright/test';
import { paths } from '../src/config/routes';
import { expect } from './fixtures';
import { APP_URL } from './paths';

// /verify as a stranger uses it, for the specs that check a proof there (verify.spec.ts, fine-tuning.spec.ts).

// The page's globals in evaluate callbacks (the node-side tsconfig has no DOM lib; see page-provider.ts).
export type Dom = {
  DataTransfer: new () => { items: { add(file: unknown): void } };
  File: new (parts: unknown[], name: string, options: { type: string }) => unknown;
  navigator: { clipboard: { readText(): Promise<string> } };
  __pwned?: unknown;
};

export const checks = (page: Page) => page.getByRole('list', { name: 'Checks' });
export const row = (page: Page, label: string | RegExp) =>
  checks(page).getByRole('listitem').filter({ hasText: label });
export const verdict = (page: Page) => page.getByRole('status').filter({ hasText: /^(Verified|Not verified)/ });
export const content = (page: Page) => page.getByRole('region', { name: /^Content/ });

/** A stranger's browser: a context of its own, no wallet installed. */
export async function stranger(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: APP_URL });
  const page = await context.newPage();
  await page.goto(paths.verify);
  await expect(page.getByRole('heading', { level: 1, name: 'Verify a proof' })).toBeVisible();
  return page;
}

/** Drops a file on the page's drop zone, as a drag from the desktop does. */
export async function drop(page: Page, name: string, bytes: Buffer, type: string) {
  const transfer = await page.evaluateHandle(
    ({ data, name, type }) => {
      const t = new (globalThis as unknown as Dom).DataTransfer();
      t.items.add(new (globalThis as unknown as Dom).File([new Uint8Array(data)], name, { type }));
      return t;
    },
    { data: [...bytes], name, type },
  );
  await page
    .getByRole('button', { name: 'Open a proof file' })
    .locator('..')
    .dispatchEvent('drop', { dataTransfer: transfer });
}

export async function paste(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Or paste a proof (JSON)' }).fill(text);
  await page.getByRole('button', { name: 'Check pasted proof' }).click();
}

export async function expectVerified(page: Page) {
  await expect(verdict(page)).toHaveText(/^Verified/, { timeout: 15_000 });
  const rows = await checks(page).getByRole('listitem').allInnerTexts();
  expect(rows.length).toBeGreaterThanOrEqual(3);
  for (const text of rows) expect(text).toMatch(/: Passed/);
}
