import { createHash } from 'node:crypto';
import { createZGComputeNetworkBroker, type ZGComputeNetworkBroker } from '@0glabs/0g-serving-broker';
import { getBytes, JsonRpcProvider, keccak256, toUtf8Bytes, Wallet } from 'ethers';
import type { Manifest, ManifestAccount, ManifestProvider } from '../manifest.js';
import type { SessionToken } from '../sim/auth.js';
import { NO_FAULTS, type Faults } from '../sim/faults.js';

export const OG = 10n ** 18n;
const GAS_PRICE = 2_000_000_000;

export const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

export interface User {
  address: string;
  wallet: Wallet;
  rpc: JsonRpcProvider;
  broker: ZGComputeNetworkBroker;
}

/** A wallet on the devnet chain with a fresh SDK broker, so its in-memory caches start empty. */
export async function connectUser(manifest: Manifest, account: ManifestAccount | undefined): Promise<User> {
  if (!account) throw new Error('The manifest has fewer accounts than this test needs');
  // Fast polling for automined receipts; no response cache, so nonces and balances are always fresh.
  const rpc = new JsonRpcProvider(manifest.rpcUrl, manifest.chainId, {
    staticNetwork: true,
    pollingInterval: 50,
    cacheTimeout: -1,
  });
  const wallet = new Wallet(account.privateKey, rpc);
  const { ledger, inference, fineTuning } = manifest.contracts;
  // A fixed gas price (above Hardhat's base fee) spares the SDK's 1 s pause after getFeeData on every ledger tx.
  // The SDK's typings name CommonJS ethers' Wallet and ours get the ESM typings: the same class at run time.
  const signer = wallet as unknown as Parameters<typeof createZGComputeNetworkBroker>[0];
  const broker = await createZGComputeNetworkBroker(signer, ledger, inference, fineTuning, GAS_PRICE);
  return { address: wallet.address, wallet, rpc, broker };
}

export function providerNamed(manifest: Manifest, name: string): ManifestProvider {
  const found = manifest.providers.find((p) => p.name === name);
  if (!found) throw new Error(`The manifest has no provider named ${name}`);
  return found;
}

/** Creates a ledger and gives each provider a sub-account of `each` neuron. */
export async function fundUser(user: User, ledgerOG: number, providers: ManifestProvider[], each: bigint) {
  await user.broker.ledger.addLedger(ledgerOG);
  for (const p of providers) await user.broker.ledger.transferFund(p.address, 'inference', each);
}

/** POSTs a control action to the simulator and fails loudly when it is refused. */
export async function control(manifest: Manifest, action: string, body: object = {}): Promise<unknown> {
  const res = await fetch(`${manifest.simulator.controlUrl}/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`control ${action} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

export const setFaults = (manifest: Manifest, provider: string, faults: Partial<Faults>) =>
  control(manifest, 'faults', { provider, ...faults });

/** Clears the faults of one provider only: other test files may be using the others. */
export const clearFaults = (manifest: Manifest, provider: string) => setFaults(manifest, provider, NO_FAULTS);

/** One HTTP exchange with the exact bytes sent and received. */
export interface Exchange {
  status: number;
  headers: Headers;
  request: Buffer;
  response: Buffer;
  chatId: string | null;
}

/** Sends a body as exact bytes (multipart is encoded first, so its bytes can be hashed). */
export async function send(url: string, headers: Record<string, string>, body: string | FormData): Promise<Exchange> {
  let request: Buffer;
  let type: string;
  if (typeof body === 'string') {
    request = Buffer.from(body);
    type = 'application/json';
  } else {
    const encoded = new Request(url, { method: 'POST', body });
    request = Buffer.from(await encoded.arrayBuffer());
    type = encoded.headers.get('content-type') ?? '';
  }
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': type, ...headers }, body: request });
  const response = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, request, response, chatId: res.headers.get('ZG-Res-Key') };
}

/** Endpoint, model and Authorization header for a provider, from the SDK as an app gets them. */
export async function prepare(user: User, provider: ManifestProvider) {
  const { endpoint, model } = await user.broker.inference.getServiceMetadata(provider.address);
  const { Authorization } = await user.broker.inference.getRequestHeaders(provider.address);
  return { endpoint, model, authorization: Authorization };
}

/** An inference request the way an app makes it. */
export async function infer(
  user: User,
  provider: ManifestProvider,
  op: string,
  body: Record<string, unknown> | FormData,
): Promise<Exchange> {
  const { endpoint, model, authorization } = await prepare(user, provider);
  if (body instanceof FormData) body.set('model', model);
  const payload = body instanceof FormData ? body : JSON.stringify({ model, ...body });
  return send(`${endpoint}/${op}`, { Authorization: authorization }, payload);
}

export const chatBody = (content: string, stream = false) => ({ messages: [{ role: 'user', content }], stream });

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface Completion {
  id: string;
  choices: { message: { content: string } }[];
  usage: Usage;
}

interface Chunk {
  choices: { delta: { content?: string } }[];
  usage?: Usage;
}

/** The `data:` payloads of an event stream, in order. */
export function sseData(bytes: Buffer): string[] {
  return bytes
    .toString('utf8')
    .split('\n\n')
    .filter((frame) => frame.startsWith('data: '))
    .map((frame) => frame.slice('data: '.length));
}

/** Assembles a streamed completion; throws when an event is not JSON. */
export function readStream(bytes: Buffer): { content: string; usage: Usage | undefined; done: boolean } {
  const data = sseData(bytes);
  const done = data.at(-1) === '[DONE]';
  const chunks = data.filter((d) => d !== '[DONE]').map((d) => JSON.parse(d) as Chunk);
  const content = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
  return { content, usage: chunks.at(-1)?.usage, done };
}

export interface SignatureReply {
  status: number;
  text: string;
  signature: string;
}

export async function fetchSignature(provider: ManifestProvider, chatId: string): Promise<SignatureReply> {
  const res = await fetch(`${provider.url}/v1/proxy/signature/${chatId}?model=${encodeURIComponent(provider.model)}`);
  const body = (await res.json()) as Partial<SignatureReply>;
  return { status: res.status, text: body.text ?? '', signature: body.signature ?? '' };
}

export async function unsettledFee(provider: ManifestProvider, user: string): Promise<bigint> {
  const res = await fetch(`${provider.url}/v1/user/${user}/unsettledfee`);
  return BigInt(((await res.json()) as { unsettledFee: string }).unsettledFee);
}

/** An Authorization header built by hand, signed the way the SDK signs (personal_sign of keccak256 bytes). */
export async function handMadeHeader(signer: Wallet, fields: SessionToken): Promise<string> {
  const message = JSON.stringify(fields);
  const signature = await signer.signMessage(getBytes(keccak256(toUtf8Bytes(message))));
  return `Bearer app-sk-${Buffer.from(`${message}|${signature}`).toString('base64')}`;
}

export function tokenFields(user: string, provider: string, overrides: Partial<SessionToken> = {}): SessionToken {
  const now = Date.now();
  return {
    address: user,
    provider,
    timestamp: now,
    expiresAt: now + 3_600_000,
    nonce: `${now}-handmade`,
    generation: 0,
    tokenId: 255,
    ...overrides,
  };
}

/** Splits `Bearer app-sk-<base64(json|signature)>` into the token and its signature. */
export function decodeHeader(header: string): { fields: SessionToken; message: string; signature: string } {
  const raw = /^Bearer app-sk-(.+)$/.exec(header)?.[1];
  if (!raw) throw new Error(`Not an app-sk header: ${header}`);
  const decoded = Buffer.from(raw, 'base64').toString('utf8');
  const cut = decoded.lastIndexOf('|');
  const message = decoded.slice(0, cut);
  return { fields: JSON.parse(message) as SessionToken, message, signature: decoded.slice(cut + 1) };
}

/** Gas paid by `address` in blocks after `fromBlock`, from the receipts. */
export async function gasPaidSince(rpc: JsonRpcProvider, address: string, fromBlock: number): Promise<bigint> {
  const latest = await rpc.getBlockNumber();
  let paid = 0n;
  for (let n = fromBlock + 1; n <= latest; n++) {
    const block = await rpc.getBlock(n, true);
    for (const tx of block?.prefetchedTransactions ?? []) {
      if (tx.from.toLowerCase() !== address.toLowerCase()) continue;
      const receipt = await rpc.getTransactionReceipt(tx.hash);
      paid += receipt?.fee ?? 0n;
    }
  }
  return paid;
}

/** Polls `read` until `done` holds, failing after `timeoutMs`. */
export async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met in ${timeoutMs} ms; last value ${String(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
