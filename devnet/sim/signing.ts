import { createHash } from 'node:crypto';
import type { Wallet } from 'ethers';

export const sha256hex = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

export interface SignedRecord {
  text: string;
  signature: string;
  model: string;
}

/**
 * TeeTLS routing proof (the devnet's documented format, PROTOCOL.md's assumption): a JSON text
 * signed with EIP-191 by the TEE broker's key. Field names are fixed here and nowhere else.
 */
export interface RoutingProof {
  type: 'teetls-routing-proof';
  version: 1;
  provider: string;
  providerIdentity: string;
  tlsCertFingerprint: string;
  requestHash: string;
  responseHash: string;
  timestamp: number;
}

export interface SignerConfig {
  /** Key that signs responses: the registered TEE key, or another one for `rogue-signer`. */
  key: Wallet;
  model: string;
  teeTls?: { provider: string; upstream: string };
}

/** The signed text: `sha256(request):sha256(response)` for TeeML, a routing proof for TeeTLS. */
export function signedText(cfg: SignerConfig, request: Uint8Array, response: Uint8Array): string {
  const requestHash = sha256hex(request);
  const responseHash = sha256hex(response);
  if (!cfg.teeTls) return `${requestHash}:${responseHash}`;
  const proof: RoutingProof = {
    type: 'teetls-routing-proof',
    version: 1,
    provider: cfg.teeTls.provider,
    providerIdentity: cfg.teeTls.upstream,
    tlsCertFingerprint: tlsFingerprint(cfg.teeTls.upstream),
    requestHash,
    responseHash,
    timestamp: Math.floor(Date.now() / 1000),
  };
  return JSON.stringify(proof);
}

/** A stable stand-in for the upstream's certificate fingerprint (colon-separated SHA-256). */
export function tlsFingerprint(host: string): string {
  return (sha256hex(`devnet-certificate:${host}`).toUpperCase().match(/../g) ?? []).join(':');
}

/** Keeps the signatures a provider serves at `/v1/proxy/signature/{chatID}`; oldest dropped first. */
export class SignatureStore {
  private readonly records = new Map<string, SignedRecord>();

  constructor(private readonly capacity = 20_000) {}

  async sign(cfg: SignerConfig, chatId: string, request: Uint8Array, response: Uint8Array): Promise<SignedRecord> {
    const text = signedText(cfg, request, response);
    const record = { text, signature: await cfg.key.signMessage(text), model: cfg.model };
    this.records.set(chatId, record);
    if (this.records.size > this.capacity) {
      const oldest = this.records.keys().next().value;
      if (oldest !== undefined) this.records.delete(oldest);
    }
    return record;
  }

  get(chatId: string): SignedRecord | undefined {
    return this.records.get(chatId);
  }
}
