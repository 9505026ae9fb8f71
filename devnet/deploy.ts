import { Contract, ContractFactory, type Signer } from 'ethers';
import { artifacts, type Artifact } from './contracts.js';

export interface CoreContracts {
  ledger: string;
  inference: string;
  fineTuning: string;
  lockTime: bigint;
}

/** The SDK's built-in hardhat addresses: where the proxies land when #0 deploys them first. */
export const SDK_HARDHAT_ADDRESSES = {
  ledger: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
  inference: '0x0165878A594ca255338adfa4d48449f69242Eb8F',
  fineTuning: '0xA51c1fc2f0D1a1b8494Ed1FE312d7C3a78Ed91C0',
} as const;

const FINE_TUNING_PENALTY_PERCENT = 30n;

async function deploy(art: Artifact, owner: Signer, args: unknown[] = []): Promise<string> {
  const c = await new ContractFactory(art.abi, art.bytecode, owner).deploy(...args);
  await c.waitForDeployment();
  return c.getAddress();
}

/** impl -> UpgradeableBeacon(impl) -> BeaconProxy(beacon, 0x): the implementations lock their initializers. */
async function deployBehindBeacon(art: Artifact, owner: Signer): Promise<Contract> {
  const impl = await deploy(art, owner);
  const beacon = await deploy(artifacts.beacon, owner, [impl]);
  const proxy = await deploy(artifacts.beaconProxy, owner, [beacon, '0x']);
  return new Contract(proxy, art.abi, owner);
}

async function send(c: Contract, method: string, ...args: unknown[]): Promise<void> {
  const tx = (await c.getFunction(method)(...args)) as { wait: () => Promise<unknown> };
  await tx.wait();
}

/**
 * Deploys LedgerManager, InferenceServing and FineTuningServing in PROTOCOL.md's order.
 * Must be the owner's first transactions on a fresh chain, so the addresses match the SDK's.
 */
export async function deployCore(owner: Signer): Promise<CoreContracts> {
  const ownerAddress = await owner.getAddress();
  const ledger = await deployBehindBeacon(artifacts.ledger, owner);
  await send(ledger, 'initialize', ownerAddress);

  const inference = await deployBehindBeacon(artifacts.inference, owner);
  // The contract minimum: a refund unlocks as soon as the contract allows.
  const lockTime = (await inference.getFunction('MIN_LOCKTIME')()) as bigint;
  await send(inference, 'initialize', lockTime, await ledger.getAddress(), ownerAddress);
  await send(ledger, 'registerService', 'inference', 'v1.0', await inference.getAddress(), 'Inference serving');
  await send(ledger, 'setRecommendedService', 'inference', 'v1.0');

  const fineTuning = await deployBehindBeacon(artifacts.fineTuning, owner);
  await send(fineTuning, 'initialize', lockTime, await ledger.getAddress(), ownerAddress, FINE_TUNING_PENALTY_PERCENT);
  await send(ledger, 'registerService', 'fine-tuning', 'v1.0', await fineTuning.getAddress(), 'Fine-tuning serving');
  await send(ledger, 'setRecommendedService', 'fine-tuning', 'v1.0');

  const result = {
    ledger: await ledger.getAddress(),
    inference: await inference.getAddress(),
    fineTuning: await fineTuning.getAddress(),
    lockTime,
  };
  for (const key of ['ledger', 'inference', 'fineTuning'] as const) {
    if (result[key].toLowerCase() !== SDK_HARDHAT_ADDRESSES[key].toLowerCase()) {
      throw new Error(
        `The ${key} contract landed at ${result[key]}, not the SDK's ${SDK_HARDHAT_ADDRESSES[key]}: the chain was not fresh.`,
      );
    }
  }
  return result;
}
