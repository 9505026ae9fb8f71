import { BrowserProvider, Contract, verifyTypedData, type Eip1193Provider } from 'ethers';
import { createPublicClient, http, parseEther, recoverMessageAddress, toHex, type Hex } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { describe, expect, inject, it } from 'vitest';
import { ledgerAbi } from '../../src/lib/chain/abi.js';
import { createKeyWallet, ProviderRpcError, type KeyWallet } from '../../src/lib/chain/key-wallet.js';

// Account 7 belongs to this file alone (the other devnet test files use 0-6, 8 and 9); transfers go to fresh addresses.
const manifest = inject('manifest');
const account = manifest.accounts[7]!;
const client = createPublicClient({ transport: http(manifest.rpcUrl) });
const OTHER_CHAIN = 16602;

const newWallet = (): KeyWallet =>
  createKeyWallet({
    privateKey: account.privateKey as Hex,
    chains: [{ id: manifest.chainId, rpcUrl: manifest.rpcUrl }],
    chainId: manifest.chainId,
  });

const rpcError = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected the request to fail'),
    (e: unknown) => {
      expect(e).toBeInstanceOf(ProviderRpcError);
      return e as ProviderRpcError;
    },
  );

async function receipt(hash: Hex) {
  const r = await client.waitForTransactionReceipt({ hash, pollingInterval: 50 });
  expect(r.status).toBe('success');
  return r;
}

describe('key wallet (EIP-1193 over a private key) on the devnet', () => {
  it('answers account and chain questions without a popup', async () => {
    const wallet = newWallet();
    expect(wallet.address).toBe(account.address);
    expect(await wallet.request({ method: 'eth_requestAccounts' })).toEqual([account.address]);
    expect(await wallet.request({ method: 'eth_accounts' })).toEqual([account.address]);
    expect(await wallet.request({ method: 'eth_chainId' })).toBe('0x7a69');
    expect(await wallet.request({ method: 'net_version' })).toBe('31337');
    const perms = await wallet.request({ method: 'wallet_requestPermissions', params: [{ eth_accounts: {} }] });
    expect(perms).toMatchObject([{ parentCapability: 'eth_accounts' }]);
  });

  it('personal_sign signs the raw bytes and recovers to the address', async () => {
    const wallet = newWallet();
    const message = toHex('Sign in to 0G Compute');
    const signature = (await wallet.request({ method: 'personal_sign', params: [message, account.address] })) as Hex;
    expect(await recoverMessageAddress({ message: { raw: message }, signature })).toBe(account.address);
    const foreign = privateKeyToAccount(generatePrivateKey()).address;
    expect((await rpcError(wallet.request({ method: 'personal_sign', params: [message, foreign] }))).code).toBe(4100);
  });

  it('eth_signTypedData_v4 from ethers verifies', async () => {
    const signer = await new BrowserProvider(newWallet() as Eip1193Provider).getSigner();
    const domain = {
      name: 'Ledger',
      version: '1',
      chainId: manifest.chainId,
      verifyingContract: manifest.contracts.ledger,
    };
    const types = {
      Top: [
        { name: 'user', type: 'address' },
        { name: 'amount', type: 'uint256' },
        { name: 'note', type: 'string' },
      ],
    };
    const value = { user: account.address, amount: 10n ** 18n, note: 'top up' };
    const signature = await signer.signTypedData(domain, types, value);
    expect(verifyTypedData(domain, types, value, signature)).toBe(account.address);
  });

  it('eth_sign is refused rather than forwarded to the node, which holds keys of its own', async () => {
    const error = await rpcError(newWallet().request({ method: 'eth_sign', params: [account.address, '0x00'] }));
    expect(error.code).toBe(-32601);
  });

  it('eth_sendTransaction fills nonce, gas and fees, signs locally and the transfer lands', async () => {
    const wallet = newWallet();
    const to = privateKeyToAccount(generatePrivateKey()).address;
    const from = account.address as Hex;
    const before = await client.getBalance({ address: from });
    const hash = (await wallet.request({
      method: 'eth_sendTransaction',
      params: [{ from, to, value: toHex(parseEther('1.5')) }],
    })) as Hex;
    const r = await receipt(hash);
    expect(r).toMatchObject({ type: 'eip1559', from: from.toLowerCase(), to: to.toLowerCase() });
    expect(await client.getBalance({ address: to })).toBe(parseEther('1.5'));
    const fee = r.gasUsed * r.effectiveGasPrice;
    expect(await client.getBalance({ address: from })).toBe(before - parseEther('1.5') - fee);
  });

  it('sends legacy transactions when given a gas price, and two at once get distinct nonces', async () => {
    const wallet = newWallet();
    const to = privateKeyToAccount(generatePrivateKey()).address;
    const send = (extra: object) =>
      wallet.request({ method: 'eth_sendTransaction', params: [{ to, value: '0x1', ...extra }] }) as Promise<Hex>;
    const [a, b] = await Promise.all([send({ gasPrice: toHex(3_000_000_000n) }), send({})]);
    const [ra, rb] = await Promise.all([receipt(a), receipt(b)]);
    expect(ra.type).toBe('legacy');
    expect(ra.effectiveGasPrice).toBe(3_000_000_000n);
    expect(rb.type).toBe('eip1559');
  });

  it('drives a contract through ethers BrowserProvider, and a revert keeps its decodable data', async () => {
    const provider = new BrowserProvider(newWallet() as Eip1193Provider, undefined, {
      cacheTimeout: -1,
      pollingInterval: 50,
    });
    const ledger = new Contract(manifest.contracts.ledger, ledgerAbi, await provider.getSigner());
    const tx = await ledger.getFunction('addLedger')('key wallet', { value: parseEther('3') });
    expect((await tx.wait())?.status).toBe(1);
    const stored = (await ledger.getFunction('getLedger')(account.address)) as { totalBalance: bigint };
    expect(stored.totalBalance).toBe(parseEther('3'));
    // A second ledger reverts in gas estimation; the custom error decodes only if the RPC's revert data came through.
    const error = await ledger
      .getFunction('addLedger')('again', { value: parseEther('3') })
      .then(
        () => expect.fail('a second ledger must revert'),
        (e: unknown) => e as { data?: string },
      );
    expect(ledger.interface.parseError(error.data ?? '0x')?.name).toBe('LedgerExists');
  });

  it('refuses to switch to an unknown chain with 4902, then adds it and switches', async () => {
    const wallet = newWallet();
    const changes: unknown[] = [];
    const listener = (id: unknown) => changes.push(id);
    wallet.on('chainChanged', listener);
    const switchTo = () =>
      wallet.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: toHex(OTHER_CHAIN) }] });
    expect((await rpcError(switchTo())).code).toBe(4902);
    expect(wallet.chainId()).toBe(manifest.chainId);

    const params = {
      chainId: toHex(OTHER_CHAIN),
      chainName: '0G Galileo Testnet',
      rpcUrls: ['https://evmrpc-testnet.0g.ai'],
      nativeCurrency: { name: '0G', symbol: '0G', decimals: 18 },
      blockExplorerUrls: ['https://chainscan-galileo.0g.ai'],
    };
    expect(await wallet.request({ method: 'wallet_addEthereumChain', params: [params] })).toBeNull();
    expect(wallet.chainId()).toBe(OTHER_CHAIN);
    expect(await wallet.request({ method: 'eth_chainId' })).toBe(toHex(OTHER_CHAIN));

    await wallet.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: toHex(manifest.chainId) }] });
    await switchTo();
    expect(changes).toEqual([toHex(OTHER_CHAIN), toHex(manifest.chainId), toHex(OTHER_CHAIN)]);
    wallet.removeListener('chainChanged', listener);
    await wallet.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: toHex(manifest.chainId) }] });
    expect(changes).toHaveLength(3);
  });

  it('forwards reads to the current chain and returns RPC errors with their code', async () => {
    const wallet = newWallet();
    const blockNumber = (await wallet.request({ method: 'eth_blockNumber' })) as Hex;
    expect(BigInt(blockNumber)).toBe(await client.getBlockNumber());
    const error = await rpcError(wallet.request({ method: 'eth_getBalance', params: ['not an address', 'latest'] }));
    expect(error.code).toBe(-32602);
  });
});
