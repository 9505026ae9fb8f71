import { Contract } from 'ethers';
import { beforeAll, expect, inject, test } from 'vitest';
import { artifacts } from '../contracts.js';
import { increaseTime } from '../time.js';
import * as h from './helpers.js';

const manifest = inject('manifest');
const chatA = h.providerNamed(manifest, 'chat-a');

// One user walks the whole refund path in order; each step starts from the previous one's state.
let user: h.User;
const ledger = () => user.broker.ledger.getLedger();
const account = () => user.broker.inference.getAccount(chatA.address);

beforeAll(async () => {
  user = await h.connectUser(manifest, manifest.accounts[5]);
  await user.broker.ledger.addLedger(5);
  await user.broker.ledger.transferFund(chatA.address, 'inference', 2n * h.OG);
});

test('funding: 5 0G ledger, 2 0G locked in the chat-a sub-account', async () => {
  const l = await ledger();
  expect([l.totalBalance, l.availableBalance]).toEqual([5n * h.OG, 3n * h.OG]);
  expect((await account()).balance).toBe(2n * h.OG);
});

test('retrieveFund requests a refund that stays pending until the lock time has passed', async () => {
  await user.broker.ledger.retrieveFund('inference');
  let a = await account();
  expect([a.balance, a.pendingRefund]).toEqual([2n * h.OG, 2n * h.OG]);
  expect(a.refunds.filter((r) => !r.processed)).toHaveLength(1);

  // Before the lock time a second retrieveFund moves nothing back to the ledger.
  await user.broker.ledger.retrieveFund('inference');
  expect((await ledger()).availableBalance).toBe(3n * h.OG);
  a = await account();
  expect([a.balance, a.pendingRefund]).toEqual([2n * h.OG, 2n * h.OG]);
});

test('after the lock time retrieveFund returns the 2 0G to the ledger', async () => {
  await increaseTime(manifest.rpcUrl, manifest.lockTime + 1);
  await user.broker.ledger.retrieveFund('inference');
  const l = await ledger();
  expect([l.totalBalance, l.availableBalance]).toEqual([5n * h.OG, 5n * h.OG]);
  const a = await account();
  expect([a.balance, a.pendingRefund]).toEqual([0n, 0n]);
});

test('refund(x): the wallet gains exactly x minus the gas paid, the ledger loses x', async () => {
  const block = await user.rpc.getBlockNumber();
  const wallet = await user.rpc.getBalance(user.address);
  await user.broker.ledger.refund(2);
  const gas = await h.gasPaidSince(user.rpc, user.address, block);
  expect(gas).toBeGreaterThan(0n);
  expect(await user.rpc.getBalance(user.address)).toBe(wallet + 2n * h.OG - gas);
  const l = await ledger();
  expect([l.totalBalance, l.availableBalance]).toEqual([3n * h.OG, 3n * h.OG]);
});

test('a refund leaving 0 < available < 3 0G is rejected; refunding all of it is allowed', async () => {
  await expect(user.broker.ledger.refund(1)).rejects.toThrow(/MinimumDepositRequired/);
  expect((await ledger()).availableBalance).toBe(3n * h.OG);
  const block = await user.rpc.getBlockNumber();
  const wallet = await user.rpc.getBalance(user.address);
  await user.broker.ledger.refund(3);
  const gas = await h.gasPaidSince(user.rpc, user.address, block);
  expect(await user.rpc.getBalance(user.address)).toBe(wallet + 3n * h.OG - gas);
  // An empty ledger reads as no ledger at all.
  await expect(ledger()).rejects.toThrow(/does not exist/);
});

test('403 account_not_acknowledged after the user withdraws acknowledgement of the TEE signer', async () => {
  const speech = h.providerNamed(manifest, 'speech');
  // Its own user, so the refund path above is untouched; the time jump stays in this file, the only one that moves chain time.
  const other = await h.connectUser(manifest, manifest.accounts[6]);
  await other.broker.ledger.addLedger(3);
  // The contract lets a user withdraw acknowledgement only from an empty sub-account:
  // fund it, retrieve everything, wait out the lock time, retrieve again.
  await other.broker.ledger.transferFund(speech.address, 'inference', h.OG);
  await other.broker.ledger.retrieveFundFromProvider('inference', speech.address);
  await increaseTime(manifest.rpcUrl, manifest.lockTime + 1);
  await other.broker.ledger.retrieveFundFromProvider('inference', speech.address);
  expect((await other.broker.inference.getAccount(speech.address)).balance).toBe(0n);
  const header = await h.handMadeHeader(other.wallet, h.tokenFields(other.address, speech.address));
  const inference = new Contract(manifest.contracts.inference, artifacts.inference.abi, other.wallet);
  await (await inference.getFunction('acknowledgeTEESigner')(speech.address, false)).wait();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(32_000)]), 'a.wav');
  const res = await fetch(`${speech.url}/v1/proxy/audio/transcriptions`, {
    method: 'POST',
    headers: { Authorization: header },
    body: form,
  });
  expect(res.status).toBe(403);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('account_not_acknowledged');
});
