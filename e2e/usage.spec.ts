import type { Locator, Page } from '@playwright/test';
import { getAddress, type Address } from 'viem';
import { inferenceAbi } from '../src/lib/chain/abi';
import { NEURON_PER_OG, og } from '../src/lib/units';
import { ask, clients, fundAccount, openFundedChat } from './chat-helpers';
import { expect, test } from './fixtures';

// "Your usage" on the account and provider pages against the real chain: the figures are exactly the
// answers this test produced in the chat (two verified, one tampered), and the fees appear once the
// simulator settles them. Accounts 34 and 35 are this file's.

const ACCOUNT = 34;
const FAULTS_ACCOUNT = 35;

test.beforeAll(async ({ devnet }) => {
  await fundAccount(devnet.manifest, ACCOUNT, [devnet.provider('chat-a')]);
  await fundAccount(devnet.manifest, FAULTS_ACCOUNT, [devnet.provider('chat-a')]);
});

/** The value of a usage figure, by its term; the note under a value is left out. */
const figure = (scope: Locator, term: string) => scope.locator(`dt:text-is("${term}") + dd > span`).first();

async function expectAnswerFigures(card: Locator) {
  await expect(figure(card, 'Answers')).toHaveText('3');
  await expect(figure(card, 'Verified')).toHaveText('2 of 3 (67%)');
  await expect(figure(card, 'Content mismatch')).toHaveText('1 of 3 (33%)');
  await expect(figure(card, 'Verification failed')).toHaveText('0 of 3 (0%)');
  await expect(figure(card, 'Not verifiable')).toHaveText('0 of 3 (0%)');
  await expect(figure(card, 'Median time to first token')).toHaveText(/^\d+\.\d{2} s$/);
  await expect(figure(card, 'Median answer time')).toHaveText(/^\d+\.\d{2} s$/);
  await expect(figure(card, 'Tokens per second')).toHaveText(/^\d+\.\d$/);
}

const usageCard = (page: Page, model: string) =>
  page
    .getByRole('region', { name: 'Your usage' })
    .getByRole('list', { name: 'Usage per provider' })
    .getByRole('listitem', { name: `Usage with ${model}` });

test('the usage figures match the answers given, and the fees appear once settled', async ({
  page,
  wallet,
  devnet,
}) => {
  const chatA = devnet.provider('chat-a');
  const { account, rpc } = clients(devnet.manifest, ACCOUNT);
  await openFundedChat(page, wallet, chatA, ACCOUNT);
  await ask(page, 'First question');
  await ask(page, 'Second question');
  await devnet.setFaults('chat-a', { tamper: true });
  await ask(page, 'Is this one untouched?', 'Content mismatch');
  await devnet.setFaults('chat-a', { tamper: false });

  await page.goto('/account');
  const card = usageCard(page, chatA.model);
  await expect(page.getByRole('list', { name: 'Usage per provider' }).getByRole('listitem')).toHaveCount(1);
  await expectAnswerFigures(card);

  // Everything owed is settled now (the simulator runs one settlement at a time, so none is left half done).
  await devnet.settle();
  const sub = await rpc.readContract({
    address: devnet.manifest.contracts.inference as Address,
    abi: inferenceAbi,
    functionName: 'getAccount',
    args: [account.address, getAddress(chatA.address)],
  });
  // fundAccount gave the sub-account exactly 1 0G and nothing else moves it: the rest was settled.
  const spent = NEURON_PER_OG - sub.balance;
  const usable = sub.balance - sub.pendingRefund;
  expect(spent).toBeGreaterThan(0n);

  await page.reload();
  await expect(figure(card, 'Settled on chain')).toHaveText(og(spent));
  // The app's own count of the three answers' cost is what the provider charged.
  await expect(figure(card, 'Cost counted by the app')).toHaveText(`${og(spent)} over 3`);
  const chart = card.getByRole('img', { name: /^0G settled per day from / });
  await expect(chart).toHaveAccessibleName(new RegExp(`: ${og(spent).replace('.', '\\.')} on \\d{4}-\\d{2}-\\d{2}$`));
  // All of it was settled on one day, so the rate is the whole amount a day.
  await expect(figure(card, 'Runway at that rate')).toHaveText(
    `about ${usable / spent} days at ${og(spent)} a day; about ${usable / (spent / 3n)} answers at your average cost (${og(usable)} left)`,
  );
  await expectAnswerFigures(card);

  // The provider page shows the same figures for that provider alone.
  await page.goto(`/providers/${chatA.address}`);
  const mine = page.getByRole('region', { name: 'Your usage' });
  await expectAnswerFigures(mine);
  await expect(figure(mine, 'Settled on chain')).toHaveText(og(spent));
});

test('a request that got nothing back is no answer, and a cut answer is one that is not verifiable', async ({
  page,
  wallet,
  devnet,
}) => {
  const chatA = devnet.provider('chat-a');
  await openFundedChat(page, wallet, chatA, FAULTS_ACCOUNT);
  await devnet.setFaults('chat-a', { http500: true });
  await ask(page, 'Server, are you there?', 'Not verifiable');
  await devnet.setFaults('chat-a', { http500: false, cutStreamAfter: 12 });
  await ask(page, 'Cut me short', 'Not verifiable');
  await devnet.setFaults('chat-a', { cutStreamAfter: null });
  await ask(page, 'A whole answer now');

  await page.goto('/account');
  const card = usageCard(page, chatA.model);
  await expect(figure(card, 'Answers')).toHaveText('2');
  await expect(figure(card, 'Verified')).toHaveText('1 of 2 (50%)');
  await expect(figure(card, 'Not verifiable')).toHaveText('1 of 2 (50%)');
  await expect(figure(card, 'Content mismatch')).toHaveText('0 of 2 (0%)');
  await expect(figure(card, 'No answer')).toHaveText('1 request');

  // A provider this wallet never used says so on its page.
  await page.goto(`/providers/${devnet.provider('chat-b').address}`);
  await expect(page.getByRole('region', { name: 'Your usage' })).toContainText(
    'No answers or settled fees yet with this provider from this wallet on this network.',
  );
});
