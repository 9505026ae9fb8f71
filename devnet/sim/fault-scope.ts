import { isDeepStrictEqual } from 'node:util';
import { getAddress, isAddress } from 'ethers';
import { mergeFaults, NO_FAULTS, type Faults } from './faults.js';

// Served without a user (the signature and quote routes), so they cannot be scoped to one.
const PROVIDER_WIDE: readonly (keyof Faults)[] = ['signatureDown', 'quote', 'slowMs', 'down'];

/**
 * Faults for one user of a provider, in place of the provider-wide ones, so test files that share
 * a devnet can break a provider for their own wallet without breaking it for the others.
 */
export class UserFaults {
  private readonly byProvider = new Map<string, Map<string, Faults>>();

  /** The faults for `user`'s requests to `provider`: their own when set, else `fallback`. */
  resolve(provider: string, user: string, fallback: Faults): Faults {
    return this.byProvider.get(provider)?.get(user) ?? fallback;
  }

  /** Merges a patch into a user's faults (starting from none); faults equal to none are dropped. */
  merge(provider: string, user: unknown, patch: Record<string, unknown>): Faults {
    if (typeof user !== 'string' || !isAddress(user)) throw new Error('user must be an address');
    const scoped = Object.keys(patch).filter((k) => PROVIDER_WIDE.includes(k as keyof Faults));
    const widened = scoped.filter((k) => !isDeepStrictEqual(patch[k], NO_FAULTS[k as keyof Faults]));
    if (widened.length > 0) throw new Error(`${widened.join(' and ')} apply to a whole provider: leave out user`);
    const address = getAddress(user);
    const users = this.byProvider.get(provider) ?? new Map<string, Faults>();
    const next = mergeFaults(users.get(address) ?? { ...NO_FAULTS }, patch);
    if (isDeepStrictEqual(next, NO_FAULTS)) users.delete(address);
    else users.set(address, next);
    if (users.size > 0) this.byProvider.set(provider, users);
    else this.byProvider.delete(provider);
    return next;
  }

  /** Every user's faults, by provider name then address. */
  snapshot(): Record<string, Record<string, Faults>> {
    return Object.fromEntries([...this.byProvider].map(([name, users]) => [name, Object.fromEntries(users)]));
  }

  clear(): void {
    this.byProvider.clear();
  }
}
