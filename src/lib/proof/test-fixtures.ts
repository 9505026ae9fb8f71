import { sha256, type Address } from 'viem';
import { generatePrivateKey, privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { devnet, type Network } from '../chain/networks';
import type { Service } from '../chain/services';
import { verifyResponse, type VerificationResult } from '../verify/response';
import type { ChainView } from './check';

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
