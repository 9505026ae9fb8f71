import type { Address } from 'viem';
import type { Network } from '../chain/networks';
import { shellWord } from '../snippets/target';
import { isTaskId } from './task';

/** What the decrypt command needs: the network, the provider, the task and the two file paths. */
export interface DecryptCommandInput {
  network: Network;
  provider: Address;
  taskId: string;
  encryptedFile: string;
  outputFile: string;
}

/**
 * The 0G CLI command that decrypts a downloaded model (SDK 0.7.4, `fine-tuning decrypt-model`).
 * The network options are always passed, so the command does not depend on the CLI's saved network.
 * Every value is one single-quoted shell word: a hostile file name cannot run anything.
 */
export function decryptCommand({ network, provider, taskId, encryptedFile, outputFile }: DecryptCommandInput): string {
  const rpc = network.chain.rpcUrls.default.http[0];
  if (rpc === undefined) throw new Error(`The network ${network.chain.name} has no RPC URL.`);
  const options: [string, string][] = [
    ['--provider', provider],
    ['--task-id', taskId],
    ['--encrypted-model', encryptedFile],
    ['--output', outputFile],
    ['--rpc', rpc],
    ['--ledger-ca', network.contracts.ledger],
    ['--fine-tuning-ca', network.contracts.fineTuning],
  ];
  const lines = options.map(([flag, value]) => `  ${flag} ${shellWord(value)}`);
  return `0g-compute-cli fine-tuning decrypt-model \\\n${lines.join(' \\\n')}`;
}

/** The file name to save a task's encrypted model under. */
export function modelFileName(taskId: string): string {
  if (!isTaskId(taskId)) throw new Error('The task id is not a provider task id (hex digits and dashes).');
  return `fine-tuned-${taskId}.enc`;
}
