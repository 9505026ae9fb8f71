import { concatBytes, hexToBytes, keccak256, sha256, type Address } from 'viem';
import { generatePrivateKey, privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { devnet, type Network } from '../chain/networks';
import type { FineTuningService, Service } from '../chain/services';
import { modelFileFacts, tagSigner } from '../fine-tuning/model-file';
import { verifyResponse, type VerificationResult } from '../verify/response';
import type { ChainView } from './check';
import type { DeliverableInput } from './deliverable';

/** Test data only: real keys, real signatures over real `sha256:sha256` texts (or TeeTLS routing proofs). */
export const NETWORK: Network = devnet('http://127.0.0.1:1', {
  ledger: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
  inference: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512',
  fineTuning: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
});

const utf8 = new TextEncoder();
const hex = (bytes: Uint8Array) => sha256(bytes).slice(2);

export interface Fixture {
  tee: PrivateKeyAccount;
  service: Service;
  request: Uint8Array;
  response: Uint8Array;
  verification: VerificationResult;
  /** The chain as it stands at the check: the same signer, acknowledged. */
  chain: ChainView;
}

/** A verified exchange with a fresh TEE key; `mode` picks bare hashes (TeeML) or a routing proof (TeeTLS). */
export async function verifiedFixture(mode: 'TeeML' | 'TeeTLS' = 'TeeML'): Promise<Fixture> {
  const tee = privateKeyToAccount(generatePrivateKey());
  const provider: Address = privateKeyToAccount(generatePrivateKey()).address;
  const request = utf8.encode(JSON.stringify({ model: 'qwen', messages: [{ role: 'user', content: 'Hi' }] }));
  const response = utf8.encode(JSON.stringify({ id: 'chat-1', choices: [{ message: { content: 'Hello!' } }] }));
  const text =
    mode === 'TeeML'
      ? `${hex(request)}:${hex(response)}`
      : JSON.stringify({
          type: 'teetls-routing-proof',
          version: 1,
          requestHash: hex(request),
          responseHash: hex(response),
          provider,
          providerIdentity: 'api.openai.com',
          tlsCertFingerprint: 'ab:cd:ef',
          timestamp: 1735689600,
        });
  const service: Service = {
    provider,
    serviceType: 'chatbot',
    url: 'https://provider.example',
    inputPrice: 1n,
    outputPrice: 2n,
    updatedAt: 3n,
    model: 'qwen-2.5-7b',
    verifiability: mode,
    additionalInfo: '{}',
    teeSignerAddress: tee.address,
    teeSignerAcknowledged: true,
  };
  const verification = await verifyResponse({
    mode,
    provider,
    expectedSigner: tee.address,
    signerSource: 'contract',
    signerAcknowledged: true,
    chatId: 'chat-1',
    signed: { text, signature: await tee.signMessage({ message: text }) },
    requestBytes: request,
    responseBytes: response,
  });
  const chain: ChainView = { network: NETWORK, service: { teeSigner: tee.address, acknowledged: true } };
  return { tee, service, request, response, verification, chain };
}

export interface DeliveryFixture {
  tee: PrivateKeyAccount;
  input: DeliverableInput;
  /** The encrypted model: `[65-byte tag signature][12-byte IV][ciphertext][16-byte tag]`. */
  model: Uint8Array;
  chain: ChainView;
}

/** A delivered model signed by a fresh TEE key, recorded on chain (settled), and the chain as it stands. */
export async function deliveryFixture(): Promise<DeliveryFixture> {
  const tee = privateKeyToAccount(generatePrivateKey());
  const provider = privateKeyToAccount(generatePrivateKey()).address;
  const user = privateKeyToAccount(generatePrivateKey()).address;
  const body = crypto.getRandomValues(new Uint8Array(12 + 300 + 16));
  const tagSignature = await tee.sign({ hash: keccak256(body.subarray(body.length - 16)) });
  const model = concatBytes([hexToBytes(tagSignature), body]);
  const facts = modelFileFacts(model)!;
  const service: FineTuningService = {
    provider,
    url: 'https://tuner.example',
    models: ['Qwen2.5-0.5B-Instruct'],
    pricePerToken: 1n,
    quota: { cpuCount: 8n, nodeMemory: 32n, gpuCount: 1n, nodeStorage: 100n, gpuType: 'H100' },
    occupied: false,
    teeSignerAddress: tee.address,
    teeSignerAcknowledged: true,
  };
  const input: DeliverableInput = {
    network: NETWORK,
    service,
    model: 'Qwen2.5-0.5B-Instruct',
    taskId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    user,
    modelRootHash: facts.keccak256,
    file: facts,
    tagSigner: await tagSigner(facts.tagsKeccak256, facts.tagSignature),
    checkedAt: '2026-01-02T03:04:05.000Z',
    now: new Date('2026-01-02T03:04:06.000Z'),
  };
  const chain: ChainView = {
    network: NETWORK,
    service: { teeSigner: tee.address, acknowledged: true },
    deliverable: { modelRootHash: facts.keccak256, acknowledged: true, settled: true },
  };
  return { tee, input, model, chain };
}
