import type { JsonRpcSigner } from 'ethers';
import type { Address } from 'viem';
import type { Network } from '../chain/networks';
import type { AttestationStep, VerifyServiceResult } from '../verify/attestation';

// The ONE module that imports the 0G serving broker SDK. It is loaded on first use only
// (~240 KB gzip with ethers, after build/sdk-trim.ts), so browsing the marketplace never downloads it.
type Sdk = typeof import('@0glabs/0g-serving-broker');
type Broker = Awaited<ReturnType<Sdk['createZGComputeNetworkBroker']>>;

let sdkPromise: Promise<[Sdk, typeof import('ethers')]> | undefined;
function loadSdk() {
  return (sdkPromise ??= Promise.all([import('@0glabs/0g-serving-broker'), import('ethers')]));
}

/** What wagmi's connector client gives us: an EIP-1193 `request`. */
export interface Eip1193Like {
  request(args: { method: string; params?: unknown }): Promise<unknown>;
}

const brokers = new Map<string, Promise<Broker>>();

/**
 * A broker that signs with the connected wallet: an ethers signer over the wagmi connector's
 * EIP-1193 transport, with the current network's contract addresses. Cached per network and account.
 */
export function getBroker(transport: Eip1193Like, account: Address, network: Network): Promise<Broker> {
  const key = `${network.chain.id}:${account.toLowerCase()}`;
  let broker = brokers.get(key);
  if (!broker) {
    broker = loadSdk().then(async ([sdk, ethers]) => {
      const provider = new ethers.BrowserProvider(transport, { chainId: network.chain.id, name: network.kind });
      const signer = await provider.getSigner(account);
      const { ledger, inference, fineTuning } = network.contracts;
      return sdk.createZGComputeNetworkBroker(signer, ledger, inference, fineTuning);
    });
    broker.catch(() => brokers.delete(key));
    brokers.set(key, broker);
  }
  return broker;
}

const readBrokers = new Map<number, Promise<Broker>>();

/**
 * A broker for reads only (no wallet): a VoidSigner over the network's public RPC. verifyService
 * reads the contract and the provider's quote and signs nothing, so visitors can check attestations.
 */
function getReadBroker(network: Network): Promise<Broker> {
  let broker = readBrokers.get(network.chain.id);
  if (!broker) {
    broker = loadSdk().then(([sdk, ethers]) => {
      const rpc = network.chain.rpcUrls.default.http[0];
      const provider = new ethers.JsonRpcProvider(rpc, network.chain.id, { staticNetwork: true });
      // The SDK's types name only Wallet | JsonRpcSigner, but it needs nothing more than a Signer here.
      const signer = new ethers.VoidSigner(ethers.ZeroAddress, provider) as unknown as JsonRpcSigner;
      const { ledger, inference, fineTuning } = network.contracts;
      return sdk.createZGComputeNetworkBroker(signer, ledger, inference, fineTuning);
    });
    broker.catch(() => readBrokers.delete(network.chain.id));
    readBrokers.set(network.chain.id, broker);
  }
  return broker;
}

const fineTuningReaders = new Map<number, Promise<NonNullable<Broker['fineTuning']>>>();

/**
 * The SDK's fine-tuning broker for reads only. It builds one only for an ethers `Wallet`, so this
 * one gets a throwaway random key that holds nothing and signs nothing: verifyService only reads the
 * contract and the provider's quote. The user's own key is never involved.
 */
function getFineTuningReader(network: Network): Promise<NonNullable<Broker['fineTuning']>> {
  let reader = fineTuningReaders.get(network.chain.id);
  if (!reader) {
    reader = loadSdk().then(async ([sdk, ethers]) => {
      const rpc = network.chain.rpcUrls.default.http[0];
      const provider = new ethers.JsonRpcProvider(rpc, network.chain.id, { staticNetwork: true });
      // A plain Wallet: the SDK checks `instanceof Wallet`, which createRandom's HDNodeWallet is not.
      const wallet = new ethers.Wallet(ethers.hexlify(ethers.randomBytes(32)), provider);
      const { ledger, inference, fineTuning } = network.contracts;
      const broker = await sdk.createZGComputeNetworkBroker(wallet, ledger, inference, fineTuning);
      if (!broker.fineTuning) throw new Error('The SDK built no fine-tuning broker.');
      return broker.fineTuning;
    });
    reader.catch(() => fineTuningReaders.delete(network.chain.id));
    fineTuningReaders.set(network.chain.id, reader);
  }
  return reader;
}

/** Which serving contract a provider is registered with. */
export type ServiceKind = 'inference' | 'fine-tuning';

/** Runs the SDK's `verifyService` for a provider, streaming its log lines to `onLog`. */
export async function checkAttestation(
  network: Network,
  provider: Address,
  onLog: (step: AttestationStep) => void,
  kind: ServiceKind = 'inference',
): Promise<VerifyServiceResult> {
  const result =
    kind === 'fine-tuning'
      ? await (await getFineTuningReader(network)).verifyService(provider, '.', onLog)
      : await (await getReadBroker(network)).inference.verifyService(provider, '.', onLog);
  if (!result) throw new Error('The SDK returned no attestation result.');
  return result as unknown as VerifyServiceResult;
}

/** The SDK's request header for a provider: one wallet signature per provider per session token (24 h). */
export async function createRequestHeader(
  transport: Eip1193Like,
  account: Address,
  network: Network,
  provider: Address,
): Promise<string> {
  const broker = await getBroker(transport, account, network);
  const headers = (await broker.inference.getRequestHeaders(provider)) as unknown as Record<string, string>;
  const auth = headers.Authorization ?? headers.authorization;
  if (!auth) throw new Error('The SDK returned no Authorization header.');
  return auth;
}

/**
 * Signs a persistent API key (`app-sk-…`, token id 0–254) for a provider: one wallet signature, nothing
 * sent to the provider or the chain. `expiresIn` is ms (0: never). Returns the secret for the caller to
 * show once; it is kept nowhere here.
 */
export async function createApiKey(
  transport: Eip1193Like,
  account: Address,
  network: Network,
  provider: Address,
  options: { expiresIn: number; tokenId: number },
): Promise<{ tokenId: number; createdAt: number; expiresAt: number; secret: string }> {
  // The SDK signs with the generation it cached for 5 min; a revoke-all since then would make the key void at birth.
  try {
    const u = account.toLowerCase();
    const p = provider.toLowerCase();
    for (const key of Object.keys(localStorage)) {
      const k = key.toLowerCase();
      if (k.startsWith('0g_cache_account_info_') && k.includes(u) && k.includes(p)) localStorage.removeItem(key);
    }
  } catch {
    // no storage: nothing cached
  }
  const broker = await getBroker(transport, account, network);
  const info = await broker.inference.requestProcessor.createApiKey(provider, options);
  return { tokenId: info.tokenId, createdAt: info.createdAt, expiresAt: info.expiresAt, secret: info.rawToken };
}

/**
 * Forgets the SDK's cached session token and account info for a provider (localStorage
 * `0g_cache_session_*`, `0g_cache_account_info_*`), so a token the provider refused (401 after a
 * revocation) is not handed back again: the next header asks the wallet once more.
 */
export function forgetSdkSession(user: Address, provider: Address): void {
  const u = user.toLowerCase();
  const p = provider.toLowerCase();
  try {
    for (const key of Object.keys(localStorage)) {
      const k = key.toLowerCase();
      if (
        (k.startsWith('0g_cache_session_') || k.startsWith('0g_cache_account_info_')) &&
        k.includes(u) &&
        k.includes(p)
      )
        localStorage.removeItem(key);
    }
  } catch {
    // no storage: nothing cached
  }
}
