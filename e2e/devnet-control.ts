import type { Manifest } from '../devnet/manifest';
import type { Faults } from '../devnet/sim/faults';

/** The running e2e devnet: its manifest and the simulator's control endpoint (see README, "Control endpoint"). */
export class DevnetControl {
  readonly manifest: Manifest;
  /** True once a test has set faults, so the fixture resets the simulator after it. */
  faultsSet = false;

  constructor(manifest: Manifest) {
    this.manifest = manifest;
  }

  /** POSTs `/_control/<action>` and returns the JSON answer; throws with the simulator's message when refused. */
  async control(action: string, body: object = {}): Promise<unknown> {
    const res = await fetch(`${this.manifest.simulator.controlUrl}/${action}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`devnet control ${action} answered ${res.status}: ${await res.text()}`);
    return res.json();
  }

  /** Sets faults on one provider by name, or on all with '*', e.g. `{ quote: 'bad-signer' }` or `{ http500: true }`. */
  setFaults(provider: string, faults: Partial<Faults>): Promise<unknown> {
    this.faultsSet = true;
    return this.control('faults', { provider, ...faults });
  }

  /** Clears every fault and rate-limit bucket. */
  reset(): Promise<unknown> {
    this.faultsSet = false;
    return this.control('reset');
  }

  /** Settles the fees users owe on chain now, instead of waiting for the next settlement tick. */
  settle(): Promise<unknown> {
    return this.control('settle');
  }

  /** Jumps chain time (default: past the refund lock time) and mines a block. */
  increaseTime(seconds?: number): Promise<unknown> {
    return this.control('time', seconds === undefined ? {} : { seconds });
  }

  /** A manifest provider by name (chat-a, chat-tls, image, rogue-signer, ...). */
  provider(name: string): Manifest['providers'][number] {
    const found = this.manifest.providers.find((p) => p.name === name);
    if (!found) throw new Error(`The devnet has no provider named ${name}`);
    return found;
  }
}
