import { BaseError, ContractFunctionRevertedError, type Address, type Client } from 'viem';
import { readView } from './read-view';
import { fineTuningReadAbi as fineTuningAbi, inferenceReadAbi as inferenceAbi } from './abi-reads';
import { PAGE_SIZE, readAllPages } from './paging';

/** An inference service as InferenceServing stores it. Everything but the numbers is untrusted text. */
export interface Service {
  provider: Address;
  serviceType: string;
  url: string;
  inputPrice: bigint;
  outputPrice: bigint;
  updatedAt: bigint;
  model: string;
  verifiability: string;
  additionalInfo: string;
  teeSignerAddress: Address;
  teeSignerAcknowledged: boolean;
}

/**
 * Every inference service on the network, read with viem: no wallet and no SDK needed, so
 * visitors can browse. Pages through `getAllServices(offset, limit)` until `total` is reached.
 */
export async function listServices(client: Client, inference: Address, pageSize = PAGE_SIZE): Promise<Service[]> {
  return readAllPages(
    (offset, limit) =>
      readView(client, {
        address: inference,
        abi: inferenceAbi,
        functionName: 'getAllServices',
        args: [offset, limit],
      }),
    pageSize,
  );
}

/** One provider's service, or null when the address has none (the contract reverts); RPC failures throw. */
export async function getService(client: Client, inference: Address, provider: Address): Promise<Service | null> {
  try {
    return await readView(client, {
      address: inference,
      abi: inferenceAbi,
      functionName: 'getService',
      args: [provider],
    });
  } catch (err) {
    if (err instanceof BaseError && err.walk((e) => e instanceof ContractFunctionRevertedError)) return null;
    throw err;
  }
}

/** A fine-tuning provider as FineTuningServing stores it (untrusted text besides the numbers). */
export interface FineTuningService {
  provider: Address;
  url: string;
  models: readonly string[];
  pricePerToken: bigint;
  quota: { cpuCount: bigint; nodeMemory: bigint; gpuCount: bigint; nodeStorage: bigint; gpuType: string };
  /** The provider says it is busy training. */
  occupied: boolean;
  teeSignerAddress: Address;
  /** The contract owner acknowledged the TEE signer (unacknowledged services are not offered). */
  teeSignerAcknowledged: boolean;
}

/** Every fine-tuning provider on the network (the contract returns them all in one call). */
export async function listFineTuningServices(client: Client, fineTuning: Address): Promise<FineTuningService[]> {
  const all = await readView(client, { address: fineTuning, abi: fineTuningAbi, functionName: 'getAllServices' });
  return all.map((s) => ({
    provider: s.provider,
    url: s.url,
    models: s.models,
    pricePerToken: s.pricePerToken,
    quota: { ...s.quota },
    occupied: s.occupied,
    teeSignerAddress: s.teeSignerAddress,
    teeSignerAcknowledged: s.teeSignerAcknowledged,
  }));
}
