import type { Server } from 'node:http';
import { BrowserProvider, Contract, type Wallet } from 'ethers';
import { FINE_TUNING, INFERENCE_PROVIDERS } from './catalogue.js';
import { startChain } from './chain.js';
import { artifacts } from './contracts.js';
import { deployCore } from './deploy.js';
import { FIRST_PROVIDER_INDEX, FIRST_USER_INDEX, hardhatAccount, OWNER_INDEX, teeKey, USER_COUNT } from './keys.js';
import type { Manifest } from './manifest.js';
import { acknowledgeSigner, registerFineTuning, registerInference } from './register.js';
import { NO_FAULTS } from './sim/faults.js';
import { createFineTuningProvider } from './sim/fine-tuning.js';
import { RateLimiter } from './sim/rate-limit.js';
import type { ProviderRuntime, SimContext } from './sim/runtime.js';
import { createSimulator } from './sim/server.js';
import { FeeBook } from './sim/settlement.js';
import { SignatureStore } from './sim/signing.js';
import { increaseTime } from './time.js';

export interface DevnetOptions {
  host: string;
  rpcPort: number;
  simPort: number;
  /** How often providers settle fees on chain. */
  settleEveryMs: number;
  /** Delay between stream events. */
  eventDelayMs: number;
  /** Time a fine-tuning task spends in each state. */
  fineTuningStepMs: number;
}

export interface Devnet {
  manifest: Manifest;
  stop: () => Promise<void>;
}

const account = (w: Wallet) => ({ address: w.address, privateKey: w.privateKey });

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

/** Starts chain, contracts, registered providers and the simulator, all in this process. */
export async function startDevnet(opts: DevnetOptions): Promise<Devnet> {
  const stops: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s();
  };
  try {
    const chain = await startChain(opts.host, opts.rpcPort);
    stops.push(() => chain.close());
    // cacheTimeout -1: a cached nonce would collide on an automining chain.
    const eth = new BrowserProvider(chain.provider, undefined, { cacheTimeout: -1, pollingInterval: 50 });
    const chainId = (await eth.getNetwork()).chainId;
    const owner = hardhatAccount(OWNER_INDEX).connect(eth);
    const core = await deployCore(owner);
    const simUrl = `http://${opts.host}:${opts.simPort}`;
    const stranger = teeKey('stranger');
    const inferenceRead = new Contract(core.inference, artifacts.inference.abi, eth);

    const providers: ProviderRuntime[] = await Promise.all(
      INFERENCE_PROVIDERS.map(async (spec, i) => {
        const wallet = hardhatAccount(FIRST_PROVIDER_INDEX + i).connect(eth);
        const tee = teeKey(spec.name);
        const url = `${simUrl}/${spec.name}`;
        await registerInference(core.inference, wallet, spec, url, tee.address);
        return {
          spec,
          address: wallet.address,
          url,
          teeKey: tee,
          signer: {
            key: spec.behavior === 'rogue-signer' ? teeKey(`${spec.name}/rogue`) : tee,
            model: spec.model,
            teeTls:
              spec.verifiability === 'TeeTLS' ? { provider: wallet.address, upstream: spec.upstream ?? '' } : undefined,
          },
          faults: { ...NO_FAULTS },
          fees: new FeeBook(inferenceRead, wallet, tee, chainId),
          limiter: new RateLimiter(),
          signatures: new SignatureStore(),
        };
      }),
    );
    const ftWallet = hardhatAccount(FIRST_PROVIDER_INDEX + INFERENCE_PROVIDERS.length).connect(eth);
    const ftTee = teeKey(FINE_TUNING.name);
    const ftUrl = `${simUrl}/${FINE_TUNING.name}`;
    await registerFineTuning(core.fineTuning, ftWallet, ftUrl, ftTee.address);
    for (const p of providers) await acknowledgeSigner(core.inference, 'inference', owner, p.address);
    await acknowledgeSigner(core.fineTuning, 'fineTuning', owner, ftWallet.address);

    const fineTuning = createFineTuningProvider({
      contract: new Contract(core.fineTuning, artifacts.fineTuning.abi, ftWallet),
      providerAddress: ftWallet.address,
      teeKey: ftTee,
      chainId,
      url: ftUrl,
      stepMs: opts.fineTuningStepMs,
    });
    stops.push(() => fineTuning.stop());
    const ctx: SimContext = {
      inference: inferenceRead,
      baseUrl: simUrl,
      eventDelayMs: opts.eventDelayMs,
      files: new Map(),
    };
    const rpcUrl = chain.rpcUrl;
    const server = createSimulator({
      ctx,
      providers,
      stranger: stranger.address,
      fineTuning: { name: FINE_TUNING.name, service: fineTuning },
      control: {
        time: async (body) => ({ timestamp: await increaseTime(rpcUrl, Number(body.seconds ?? core.lockTime + 1n)) }),
        'fine-tuning': fineTuning.control,
        // Lets tests prove that a crash stops everything and leaves nothing behind.
        crash: async () => {
          setTimeout(() => {
            throw new Error('Simulated crash requested through the control endpoint');
          }, 20);
          return { crashing: true };
        },
      },
    });
    await listen(server, opts.host, opts.simPort);
    stops.push(() => new Promise<void>((r) => server.close(() => r())) as Promise<void>);
    stops.push(() => void server.closeAllConnections());

    const settler = setInterval(() => {
      for (const p of providers) {
        p.fees
          .settle()
          .catch((e: unknown) => console.error(`[${p.spec.name}] fee settlement failed:`, (e as Error).message));
      }
    }, opts.settleEveryMs);
    stops.push(() => clearInterval(settler));

    const manifest: Manifest = {
      chainId: Number(chainId),
      rpcUrl,
      contracts: { ledger: core.ledger, inference: core.inference, fineTuning: core.fineTuning },
      lockTime: Number(core.lockTime),
      owner: account(hardhatAccount(OWNER_INDEX)),
      accounts: Array.from({ length: USER_COUNT }, (_, i) => account(hardhatAccount(FIRST_USER_INDEX + i))),
      providers: providers.map((p) => ({
        name: p.spec.name,
        address: p.address,
        serviceType: p.spec.serviceType,
        model: p.spec.model,
        verifiability: p.spec.verifiability,
        url: p.url,
        behavior: p.spec.behavior,
        teeSigner: p.teeKey.address,
        inputPrice: p.spec.inputPrice.toString(),
        outputPrice: p.spec.outputPrice.toString(),
      })),
      fineTuning: {
        address: ftWallet.address,
        url: ftUrl,
        models: FINE_TUNING.models.map((m) => m.name),
        teeSigner: ftTee.address,
        pricePerToken: FINE_TUNING.pricePerToken.toString(),
      },
      simulator: { url: simUrl, controlUrl: `${simUrl}/_control` },
      startedAt: new Date().toISOString(),
      pid: process.pid,
    };
    return { manifest, stop };
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
}
