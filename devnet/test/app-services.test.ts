import { createPublicClient, getAddress, http, type Address } from 'viem';
import { describe, expect, inject, it } from 'vitest';
import { getService, listServices } from '../../src/lib/chain/services.js';

const manifest = inject('manifest');
const client = createPublicClient({ transport: http(manifest.rpcUrl) });
const inference = manifest.contracts.inference as Address;

describe("the app's chain reads (viem, no wallet, no SDK)", () => {
  it('list every inference service of the devnet with its on-chain fields', async () => {
    const services = await listServices(client, inference);
    expect(services).toHaveLength(manifest.providers.length);
    for (const p of manifest.providers) {
      const s = services.find((x) => x.provider === getAddress(p.address));
      expect(s, p.name).toMatchObject({
        serviceType: p.serviceType,
        model: p.model,
        verifiability: p.verifiability,
        url: p.url,
        inputPrice: BigInt(p.inputPrice),
        outputPrice: BigInt(p.outputPrice),
        teeSignerAddress: getAddress(p.teeSigner),
        teeSignerAcknowledged: true,
      });
      expect(s?.updatedAt).toBeGreaterThan(0n);
    }
  });

  it('page through the contract when there are more services than a page holds', async () => {
    const paged = await listServices(client, inference, 3);
    expect(paged.map((s) => s.provider)).toEqual((await listServices(client, inference)).map((s) => s.provider));
  });

  it('read one provider, and null for an address without a service', async () => {
    const chatA = manifest.providers.find((p) => p.name === 'chat-a')!;
    expect((await getService(client, inference, chatA.address as Address))?.model).toBe(chatA.model);
    expect(await getService(client, inference, manifest.accounts[8]!.address as Address)).toBeNull();
  });

  it('fail (not "no service") when the RPC is unreachable', async () => {
    const down = createPublicClient({ transport: http('http://127.0.0.1:9', { retryCount: 0 }) });
    await expect(getService(down, inference, manifest.accounts[8]!.address as Address)).rejects.toThrow();
    await expect(listServices(down, inference)).rejects.toThrow();
  });
});
