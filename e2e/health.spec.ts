import type { Page } from '@playwright/test';
import { getAddress } from 'viem';
import { expect, test } from './fixtures';

// Provider health, no wallet: the browser's own check of a provider's endpoint (GET /v1/proxy/models) and the
// status JSON the simulator serves in the shape of 0G's status service, built from the requests it really served.
// Each load of a page checks again (the once-a-minute schedule starts with the page), so a reload is the next round.

const PROVIDER = 'chat-b';
const SLOW_MS = 2_500;

test.afterEach(async ({ devnet }) => {
  // Also puts the status URL back to serving its report.
  await devnet.reset();
});

async function openProvider(page: Page, address: string) {
  await page.goto(`/providers/${getAddress(address)}`);
  const health = page.getByRole('region', { name: 'Health' });
  return {
    browser: health.getByRole('region', { name: "This browser's check" }),
    reported: health.getByRole('region', { name: /^Reported by 0G's status service/ }),
  };
}

test('a provider made slow, then unreachable, is shown so and recovers after reset', async ({ page, devnet }) => {
  const p = devnet.provider(PROVIDER);
  let { browser, reported } = await openProvider(page, p.address);
  await expect(browser.getByText(/^Answers · \d+ ms$/)).toBeVisible({ timeout: 15_000 });
  // 0G's figures, labelled as theirs, from what the simulator served (this page's own check counts as one).
  await expect(reported.getByText(/^(Healthy|Warning|Critical)$/)).toBeVisible();
  await expect(reported.getByText(/% \(\d+ of \d+ checks, \d+ failed\)$/)).toBeVisible();

  await devnet.setFaults(PROVIDER, { slowMs: SLOW_MS });
  ({ browser, reported } = await openProvider(page, p.address));
  // The check never holds the page: the on-chain facts are there while it waits.
  await expect(browser.getByText('Checking…')).toBeVisible();
  await expect(page.getByRole('region', { name: 'On-chain service' })).toContainText(p.model);
  await expect(browser.getByText(/^Slow · \d+\.\d s$/)).toBeVisible({ timeout: 15_000 });
  const slow = Number((await browser.getByText(/^Slow · /).textContent())?.match(/([\d.]+) s$/)?.[1]);
  expect(slow).toBeGreaterThanOrEqual(SLOW_MS / 1000);

  await devnet.setFaults(PROVIDER, { slowMs: 0, down: true });
  ({ browser, reported } = await openProvider(page, p.address));
  await expect(browser.getByText('Unreachable')).toBeVisible({ timeout: 15_000 });
  // The dropped connection is the simulator's last check of it now, so on the next load 0G's figures say critical.
  ({ browser, reported } = await openProvider(page, p.address));
  await expect(reported.getByText('Critical')).toBeVisible({ timeout: 15_000 });
  await expect(browser.getByText('Unreachable')).toBeVisible({ timeout: 15_000 });

  // On the marketplace its card says so, and "Answers now" leaves it out.
  await page.goto('/');
  const card = page.getByRole('article', { name: `${p.model} by ${getAddress(p.address)}` });
  await card.scrollIntoViewIfNeeded();
  await expect(card.getByText('Unreachable')).toBeVisible({ timeout: 15_000 });
  // The box follows the URL, which the click updates a moment later: click, then wait for it.
  const answersNow = page.getByRole('checkbox', { name: 'Answers now' });
  await answersNow.click();
  await expect(answersNow).toBeChecked();
  await expect(page).toHaveURL(/health=answers/);
  await expect(card).toHaveCount(0);
  await expect(
    page.getByRole('article', { name: new RegExp(`by ${getAddress(devnet.provider('chat-a').address)}$`) }),
  ).toBeVisible();

  await devnet.reset();
  ({ browser, reported } = await openProvider(page, p.address));
  await expect(browser.getByText(/^Answers · \d+ ms$/)).toBeVisible({ timeout: 15_000 });
  // Its last check answered: no longer critical on the next load (the failures stay in its uptime).
  ({ browser, reported } = await openProvider(page, p.address));
  await expect(reported.getByText(/^(Healthy|Warning)$/)).toBeVisible({ timeout: 15_000 });
});

for (const answer of ['not-json', 'bad-shape'] as const) {
  test(`a status URL answering ${answer} leaves the browser's own figures and a sentence`, async ({ page, devnet }) => {
    await devnet.control('health', { answer });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const { browser, reported } = await openProvider(page, devnet.provider('chat-a').address);
    await expect(
      reported.getByText(
        "0G's status service answered in an unexpected format, so only this browser's own check is shown.",
      ),
    ).toBeVisible({ timeout: 15_000 });
    await expect(browser.getByText(/^Answers · \d+ ms$/)).toBeVisible({ timeout: 15_000 });
    await expect(reported.getByText(/checks, \d+ failed/)).toHaveCount(0);
    expect(errors).toEqual([]);
  });
}
