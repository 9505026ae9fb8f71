import { describe, expect, it } from 'vitest';
import { fineTuningAbi, inferenceAbi, ledgerAbi } from '../src/lib/chain/abi.js';
import { fineTuningReadAbi, inferenceReadAbi, ledgerReadAbi } from '../src/lib/chain/abi-reads.js';
import { artifacts } from './contracts.js';

describe('the app ABIs', () => {
  it('equal the SDK typechain ABIs (run `npm run gen:abi` after an SDK change)', () => {
    expect(ledgerAbi).toEqual(artifacts.ledger.abi);
    expect(inferenceAbi).toEqual(artifacts.inference.abi);
    expect(fineTuningAbi).toEqual(artifacts.fineTuning.abi);
  });

  it('have the functions browsing reads, as in the full ABIs, in abi-reads.ts', () => {
    const pick = (abi: unknown, names: readonly string[]) =>
      (abi as { type: string; name?: string }[]).filter((e) => e.type === 'function' && names.includes(e.name ?? ''));
    const names = (abi: readonly { name: string }[]) => abi.map((f) => f.name);
    expect(ledgerReadAbi).toEqual(pick(artifacts.ledger.abi, names(ledgerReadAbi)));
    expect(inferenceReadAbi).toEqual(pick(artifacts.inference.abi, names(inferenceReadAbi)));
    expect(fineTuningReadAbi).toEqual(pick(artifacts.fineTuning.abi, names(fineTuningReadAbi)));
    expect(names(inferenceReadAbi)).toContain('getAllServices');
    expect(
      [...ledgerReadAbi, ...inferenceReadAbi, ...fineTuningReadAbi].every((f) => f.stateMutability === 'view'),
    ).toBe(true);
  });
});
