import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { devnet, testnet } from '../chain/networks';
import { decryptCommand, modelFileName } from './cli-command';

const provider = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const taskId = '3f2b8c1e-9d4a-4b7e-8f00-1a2b3c4d5e6f';

/** Splits a command the way a POSIX shell would for single-quoted words and line continuations. */
function shellSplit(cmd: string): string[] {
  const words: string[] = [];
  const re = /'((?:[^']|'\\'')*)'|(\S+)/g;
  for (const m of cmd.replace(/\\\n/g, ' ').matchAll(re)) {
    words.push(m[1] !== undefined ? m[1].replaceAll(`'\\''`, "'") : (m[2] ?? ''));
  }
  return words;
}

describe('decryptCommand', () => {
  it('passes every value the CLI needs, the network included', () => {
    const cmd = decryptCommand({
      network: testnet,
      provider,
      taskId,
      encryptedFile: modelFileName(taskId),
      outputFile: 'model.zip',
    });
    expect(shellSplit(cmd)).toEqual([
      '0g-compute-cli',
      'fine-tuning',
      'decrypt-model',
      '--provider',
      provider,
      '--task-id',
      taskId,
      '--encrypted-model',
      `fine-tuned-${taskId}.enc`,
      '--output',
      'model.zip',
      '--rpc',
      'https://evmrpc-testnet.0g.ai',
      '--ledger-ca',
      testnet.contracts.ledger,
      '--fine-tuning-ca',
      testnet.contracts.fineTuning,
    ]);
  });

  it('quotes a hostile file name into one inert word', () => {
    const hostile = `x'; rm -rf ~; echo '$(id)\`id\`\nnext`;
    const network = devnet('http://127.0.0.1:8545', testnet.contracts);
    const cmd = decryptCommand({ network, provider, taskId, encryptedFile: hostile, outputFile: 'out dir/m.zip' });
    const words = shellSplit(cmd);
    expect(words[words.indexOf('--encrypted-model') + 1]).toBe(hostile);
    expect(words[words.indexOf('--output') + 1]).toBe('out dir/m.zip');
    expect(words[words.indexOf('--rpc') + 1]).toBe('http://127.0.0.1:8545');
    // A real shell sees the same words: printf stands in for the CLI and prints what it was given.
    const argv = execFileSync('sh', ['-c', cmd.replace(/^0g-compute-cli/, "printf '%s\\0'")], { encoding: 'utf8' });
    expect(argv.split('\0').slice(0, -1)).toEqual(words.slice(1));
    // Outside the quotes nothing is left but the command, its flags and the line continuations.
    const unquoted = cmd.replace(/'(?:[^']|'\\'')*'/g, '');
    expect(unquoted).not.toMatch(/[;$`]|rm/);
  });
});

describe('modelFileName', () => {
  it('names the encrypted model after its task, and refuses ids that could be paths', () => {
    expect(modelFileName(taskId)).toBe(`fine-tuned-${taskId}.enc`);
    expect(() => modelFileName('../../etc/passwd')).toThrow(/task id/);
    expect(() => modelFileName('')).toThrow(/task id/);
  });
});
