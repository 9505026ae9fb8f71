import type { Wallet } from 'ethers';
import { teeKey } from '../keys.js';
import type { ProviderRuntime } from './runtime.js';
import type { SignerConfig } from './signing.js';

const rogueKeys = new Map<string, Wallet>();

/** The key the `rogue-signer` provider signs with, for any provider: deterministic, never registered. */
function rogueKey(name: string): Wallet {
  let key = rogueKeys.get(name);
  if (!key) {
    key = teeKey(`${name}/rogue`);
    rogueKeys.set(name, key);
  }
  return key;
}

/** Who signs this answer: the provider's own signer, or a stranger's key under the `rogueSigner` fault. */
export function answerSigner(rt: ProviderRuntime): SignerConfig {
  return rt.faults.rogueSigner ? { ...rt.signer, key: rogueKey(rt.spec.name) } : rt.signer;
}

/** Whether this answer is sent altered after signing: the `tamper` provider always, any provider under the fault. */
export function isTampering(rt: ProviderRuntime): boolean {
  return rt.spec.behavior === 'tamper' || rt.faults.tamper;
}
