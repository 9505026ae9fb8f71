import { Contract, type Signer } from 'ethers';
import { artifacts } from './contracts.js';
import { additionalInfo, FINE_TUNING, type ProviderSpec } from './catalogue.js';

async function sendAndWait(promise: Promise<unknown>): Promise<void> {
  await ((await promise) as { wait: () => Promise<unknown> }).wait();
}

/** Registers one inference service from the provider's own key, with the contract's minimum stake. */
export async function registerInference(
  inferenceAddress: string,
  provider: Signer,
  spec: ProviderSpec,
  url: string,
  teeSigner: string,
): Promise<void> {
  const c = new Contract(inferenceAddress, artifacts.inference.abi, provider);
  const stake = (await c.getFunction('MIN_PROVIDER_STAKE')()) as bigint;
  const params = {
    serviceType: spec.serviceType,
    url,
    model: spec.model,
    verifiability: spec.verifiability,
    inputPrice: spec.inputPrice,
    outputPrice: spec.outputPrice,
    additionalInfo: additionalInfo(spec),
    teeSignerAddress: teeSigner,
  };
  await sendAndWait(c.getFunction('addOrUpdateService')(params, { value: stake }));
}

/** Registers the fine-tuning service from the provider's own key. */
export async function registerFineTuning(
  fineTuningAddress: string,
  provider: Signer,
  url: string,
  teeSigner: string,
): Promise<void> {
  const c = new Contract(fineTuningAddress, artifacts.fineTuning.abi, provider);
  const stake = (await c.getFunction('MIN_PROVIDER_STAKE')()) as bigint;
  await sendAndWait(
    c.getFunction('addOrUpdateService')(
      url,
      FINE_TUNING.quota,
      FINE_TUNING.pricePerToken,
      false,
      FINE_TUNING.models.map((m) => m.name),
      teeSigner,
      { value: stake },
    ),
  );
}

/** The owner vouches for a provider's TEE signer; until then the SDK hides the service. */
export async function acknowledgeSigner(
  contractAddress: string,
  kind: 'inference' | 'fineTuning',
  owner: Signer,
  provider: string,
): Promise<void> {
  const c = new Contract(contractAddress, artifacts[kind].abi, owner);
  await sendAndWait(c.getFunction('acknowledgeTEESignerByOwner')(provider));
}
