import type { Abi } from 'viem';
import { describe, expect, it } from 'vitest';
import { fineTuningAbi, inferenceAbi, ledgerAbi } from './abi';
import type { ContractCall, WriteFunctionName } from './tx';

// Type-level checks: `tsc -b` compiles this file, so each @ts-expect-error fails the build if the
// line below it stops being an error (a call that should be refused is accepted).

/** Infers a call the way sendContractTx and useContractTx().send do. */
const call = <const abi extends Abi, functionName extends WriteFunctionName<abi>>(c: ContractCall<abi, functionName>) =>
  c;

const address = '0x0000000000000000000000000000000000000001';
const provider = '0x0000000000000000000000000000000000000002';

describe('ContractCall', () => {
  it('accepts the write functions of the ABI with their arguments', () => {
    const calls = [
      call({ address, abi: ledgerAbi, functionName: 'addLedger', args: [''], value: 3n }),
      call({ address, abi: ledgerAbi, functionName: 'depositFund', value: 1n }),
      call({ address, abi: ledgerAbi, functionName: 'refund', args: [1n] }),
      call({ address, abi: ledgerAbi, functionName: 'retrieveFund', args: [[provider], 'inference-v1.0'] }),
      call({ address, abi: ledgerAbi, functionName: 'transferFund', args: [provider, 'inference-v1.0', 1n] }),
      call({ address, abi: inferenceAbi, functionName: 'acknowledgeTEESigner', args: [provider, true] }),
      call({ address, abi: fineTuningAbi, functionName: 'acknowledgeTEESigner', args: [provider, true] }),
    ];
    expect(calls.map((c) => c.functionName)).toEqual([
      'addLedger',
      'depositFund',
      'refund',
      'retrieveFund',
      'transferFund',
      'acknowledgeTEESigner',
      'acknowledgeTEESigner',
    ]);
  });

  it('refuses, at compile time, names and arguments the ABI does not have', () => {
    const refused = [
      // @ts-expect-error a misspelled function name
      call({ address, abi: ledgerAbi, functionName: 'depositFunds', value: 1n }),
      // @ts-expect-error a view function is not a transaction
      call({ address, abi: ledgerAbi, functionName: 'getLedger', args: [provider] }),
      // @ts-expect-error a function of another contract
      call({ address, abi: ledgerAbi, functionName: 'acknowledgeTEESigner', args: [provider, true] }),
      // @ts-expect-error an argument of the wrong type
      call({ address, abi: ledgerAbi, functionName: 'refund', args: ['1'] }),
      // @ts-expect-error too few arguments
      call({ address, abi: ledgerAbi, functionName: 'transferFund', args: [provider, 'inference-v1.0'] }),
      // @ts-expect-error missing arguments
      call({ address, abi: ledgerAbi, functionName: 'refund' }),
      // @ts-expect-error value sent to a nonpayable function
      call({ address, abi: ledgerAbi, functionName: 'refund', args: [1n], value: 1n }),
    ];
    // At run time these are plain objects; nothing here sends them.
    expect(refused).toHaveLength(7);
  });
});
