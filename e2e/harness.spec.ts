import type { Page } from '@playwright/test';
import { recoverMessageAddress, toHex, type Hex } from 'viem';
import { expect, test } from './fixtures';
import type { RpcErrorShape } from './page-provider';

interface Eip1193 {
  request(args: { method: string; params?: unknown }): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): void;
}

// The page's window in page.evaluate callbacks (the node-side tsconfig has no DOM lib; see page-provider.ts).
declare const window: EventTarget & Record<string, unknown>;

type Outcome = { result: unknown } | { error: RpcErrorShape };

/** Finds the E2E Wallet the way the app does (EIP-6963) and makes one request through it, in the page. */
const callWallet = (page: Page, method: string, params?: unknown): Promise<Outcome> =>
  page.evaluate(
    async ([method, params]) => {
      let provider: Eip1193 | undefined;
      const onAnnounce = (e: Event) => {
        const { info, provider: p } = (e as CustomEvent<{ info: { rdns: string }; provider: Eip1193 }>).detail;
        if (info.rdns === 'dev.e2e.wallet') provider = p;
      };
      window.addEventListener('eip6963:announceProvider', onAnnounce);
      window.dispatchEvent(new Event('eip6963:requestProvider'));
      window.removeEventListener('eip6963:announceProvider', onAnnounce);
      if (!provider) throw new Error('E2E Wallet not announced');
      try {
        return { result: await provider.request({ method, params }) };
      } catch (e) {
        const { code, message } = e as RpcErrorShape;
        return { error: { code, message } };
      }
    },
    [method, params] as const,
  );

test('the built devnet app loads at /', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('0G Compute Marketplace');
  // Rendered by React: an empty #root (a bundle that fails to run) has no main landmark.
  await expect(page.getByRole('main')).not.toBeEmpty();
});

test('/devnet.json describes the e2e devnet without its secret keys', async ({ request, devnet }) => {
  const res = await request.get('/devnet.json');
  expect(res.ok()).toBe(true);
  const config = (await res.json()) as { chainId: number; rpcUrl: string };
  expect(config).toMatchObject({ chainId: 31337, rpcUrl: devnet.manifest.rpcUrl });
  expect(JSON.stringify(config)).not.toContain(devnet.manifest.owner.privateKey.slice(2));
});

test('the E2E Wallet is announced via EIP-6963, again on every request', async ({ page, wallet }) => {
  await wallet.install(page);
  await page.goto('/');
  const announced = await page.evaluate(() => {
    const infos: { name: string; rdns: string; icon: string; uuid: string }[] = [];
    const onAnnounce = (e: Event) => infos.push((e as CustomEvent<{ info: (typeof infos)[number] }>).detail.info);
    window.addEventListener('eip6963:announceProvider', onAnnounce);
    window.dispatchEvent(new Event('eip6963:requestProvider'));
    window.dispatchEvent(new Event('eip6963:requestProvider'));
    window.removeEventListener('eip6963:announceProvider', onAnnounce);
    return infos.filter((i) => i.rdns === 'dev.e2e.wallet');
  });
  expect(announced).toHaveLength(2);
  expect(announced[0]).toMatchObject({ name: 'E2E Wallet', icon: expect.stringMatching(/^data:image\/svg\+xml/) });
  expect(announced[0]?.uuid).toMatch(/^[0-9a-f-]{36}$/);
});

test('personal_sign from the page is signed in Node by the wallet key and recorded', async ({ page, wallet }) => {
  await wallet.install(page);
  await page.goto('/');
  expect(await callWallet(page, 'eth_accounts')).toEqual({ result: [] });
  expect(await callWallet(page, 'eth_requestAccounts')).toEqual({ result: [wallet.address] });
  const message = toHex('Sign in to 0G Compute (e2e)');
  const outcome = await callWallet(page, 'personal_sign', [message, wallet.address]);
  if (!('result' in outcome)) throw new Error(`personal_sign failed: ${outcome.error.message}`);
  const signature = outcome.result as Hex;
  expect(await recoverMessageAddress({ message: { raw: message }, signature })).toBe(wallet.address);
  expect(wallet.requests).toEqual([
    { method: 'eth_requestAccounts', params: undefined },
    { method: 'personal_sign', params: [message, wallet.address] },
  ]);
});

test('a rejected prompt fails with 4001 in the page, once', async ({ page, wallet }) => {
  await wallet.install(page);
  wallet.rejectNext('eth_requestAccounts');
  await page.goto('/');
  expect(await callWallet(page, 'eth_requestAccounts')).toEqual({
    error: { code: 4001, message: 'User rejected the request.' },
  });
  expect(await callWallet(page, 'eth_accounts')).toEqual({ result: [] });
  const before = await callWallet(page, 'personal_sign', ['0x00', wallet.address]);
  expect(before).toMatchObject({ error: { code: 4100 } });
  expect(await callWallet(page, 'eth_requestAccounts')).toEqual({ result: [wallet.address] });
  expect(wallet.requests.map((r) => r.method)).toEqual(['eth_requestAccounts', 'personal_sign', 'eth_requestAccounts']);
});

test('an unknown chain must be added first; events reach the page listeners', async ({ page, wallet }) => {
  await wallet.install(page, { account: 2, connected: true });
  await page.goto('/');
  await page.evaluate(() => {
    const events: unknown[] = [];
    window.e2eEvents = events;
    const onAnnounce = (e: Event) => {
      const { info, provider } = (e as CustomEvent<{ info: { rdns: string }; provider: Eip1193 }>).detail;
      if (info.rdns !== 'dev.e2e.wallet') return;
      provider.on('chainChanged', (id) => events.push(['chainChanged', id]));
      provider.on('accountsChanged', (a) => events.push(['accountsChanged', a]));
    };
    window.addEventListener('eip6963:announceProvider', onAnnounce);
    window.dispatchEvent(new Event('eip6963:requestProvider'));
    window.removeEventListener('eip6963:announceProvider', onAnnounce);
  });
  const mainnet = { chainId: '0x4115' };
  expect(await callWallet(page, 'wallet_switchEthereumChain', [mainnet])).toMatchObject({ error: { code: 4902 } });
  const add = { ...mainnet, chainName: '0G Mainnet', rpcUrls: ['https://evmrpc.0g.ai'] };
  expect(await callWallet(page, 'wallet_addEthereumChain', [add])).toEqual({ result: null });
  expect(await callWallet(page, 'eth_chainId')).toEqual({ result: '0x4115' });
  expect(wallet.chainId).toBe(16661);
  await wallet.emit('accountsChanged', [wallet.address]);
  const events = await page.evaluate(() => window.e2eEvents as unknown[]);
  expect(events).toEqual([
    ['chainChanged', '0x4115'],
    ['accountsChanged', [wallet.address]],
  ]);
  expect(wallet.requests.find((r) => r.method === 'wallet_addEthereumChain')?.params).toEqual([add]);
});

test('the devnet fixture drives the simulator control endpoint', async ({ devnet }) => {
  const chatA = devnet.provider('chat-a');
  const reportSigner = async () => {
    const report = (await (await fetch(`${chatA.url}/v1/quote`)).json()) as { signing_address: string };
    return report.signing_address.toLowerCase();
  };
  const state = (await devnet.setFaults('chat-a', { quote: 'bad-signer' })) as {
    providers: Record<string, { quote: string }>;
  };
  expect(state.providers['chat-a']?.quote).toBe('bad-signer');
  expect(await reportSigner()).not.toBe(chatA.teeSigner.toLowerCase());
  await devnet.reset();
  expect(await reportSigner()).toBe(chatA.teeSigner.toLowerCase());
});
