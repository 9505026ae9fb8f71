import { describe, expect, it } from 'vitest';
import { fineTuningAbi, inferenceAbi, ledgerAbi } from '../src/lib/chain/abi.js';
import { artifacts } from './contracts.js';

describe('the app ABIs', () => {
  it('equal the SDK typechain ABIs (run `npm run gen:abi` after an SDK change)', () => {
    expect(ledgerAbi).toEqual(artifacts.ledger.abi);
    expect(inferenceAbi).toEqual(artifacts.inference.abi);
    expect(fineTuningAbi).toEqual(artifacts.fineTuning.abi);
  });
});
