import { createRequire } from 'node:module';
import path from 'node:path';
import type { InterfaceAbi } from 'ethers';

const require = createRequire(import.meta.url);

export interface Artifact {
  abi: InterfaceAbi;
  bytecode: string;
}

// The SDK's package.json `exports` blocks deep imports, so resolve its main entry and
// load the typechain factories (ABI + deploy bytecode) by file path.
const sdkRoot = path.dirname(require.resolve('@0glabs/0g-serving-broker'));

function factory(relative: string): Artifact {
  const mod = require(path.join(sdkRoot, relative)) as Record<string, { abi: InterfaceAbi; bytecode: string }>;
  const f = Object.values(mod)[0];
  if (!f?.bytecode) throw new Error(`No bytecode in ${relative}`);
  return { abi: f.abi, bytecode: f.bytecode };
}

function openZeppelin(name: string): Artifact {
  const a = require(`@openzeppelin/contracts/build/contracts/${name}.json`) as Artifact;
  return { abi: a.abi, bytecode: a.bytecode };
}

export const artifacts = {
  ledger: factory('ledger/contract/typechain/factories/LedgerManager__factory.js'),
  inference: factory('inference/contract/typechain/factories/InferenceServing__factory.js'),
  fineTuning: factory('fine-tuning/contract/typechain/factories/FineTuningServing__factory.js'),
  beacon: openZeppelin('UpgradeableBeacon'),
  beaconProxy: openZeppelin('BeaconProxy'),
};
