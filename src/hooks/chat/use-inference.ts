import type { Address } from 'viem';
import { useAccount, useConfig } from 'wagmi';
import { getConnectorClient } from 'wagmi/actions';
import type { Service } from '../../lib/chain/services';
import type { StoredVerification } from '../../lib/chat/types';
import { toAppError } from '../../lib/errors';
import { cachedHeader, dropHeader, storeHeader, type AuthKey } from '../../lib/inference/auth-cache';
import type { ChatExchange } from '../../lib/inference/chat-request';
import { expectedSigner, fetchSignedText } from '../../lib/inference/signed-text';
import { verificationMode } from '../../lib/verify/mode';
import { verifyResponse } from '../../lib/verify/response';
import { useNetwork } from '../network/use-network';

/**
 * The two steps around every inference request, shared by chat and compare (and later image and
 * speech): the request header (cached until its token expires: no chain read, no wallet prompt),
 * and the verification of an exchange bound to its exact bytes.
 */
export function useInference() {
  const { network } = useNetwork();
  const { address } = useAccount();
  const config = useConfig();
  const wallet = () => getConnectorClient(config, { chainId: network.chain.id, account: address });

  async function authorization(provider: Address, forceNew = false): Promise<string> {
    if (!address) throw new Error('Connect a wallet first.');
    const key: AuthKey = { chainId: network.chain.id, user: address, provider };
    if (forceNew) dropHeader(key);
    const hit = forceNew ? null : cachedHeader(key);
    if (hit) return hit;
    const [client, broker] = await Promise.all([wallet(), import('../../lib/broker')]);
    if (forceNew) broker.forgetSdkSession(address, provider);
    const header = await broker.createRequestHeader(client, address, network, provider);
    storeHeader(key, header);
    return header;
  }

  async function verify(svc: Service, exchange: ChatExchange): Promise<StoredVerification> {
    if (exchange.problem)
      return { state: 'not-verifiable', reason: 'The answer is incomplete, so it cannot be verified.' };
    const mode = verificationMode(svc.verifiability);
    let signed = null;
    let unavailable: string | undefined;
    let sdkVerdict: boolean | null | undefined;
    if (mode !== 'none' && exchange.chatId) {
      const chatId = exchange.chatId;
      const [sig, sdk] = await Promise.allSettled([
        fetchSignedText(svc.url, chatId, svc.model),
        // TeeML: the SDK's own check too, called as processResponse(provider, chatID, usageJson).
        mode === 'TeeML' && address
          ? Promise.all([wallet(), import('../../lib/broker')]).then(([client, broker]) =>
              broker.sdkProcessResponse(
                client,
                address,
                network,
                svc.provider,
                chatId,
                exchange.usage ? JSON.stringify(exchange.usage) : undefined,
              ),
            )
          : Promise.resolve(undefined),
      ]);
      if (sig.status === 'fulfilled') signed = sig.value;
      else unavailable = toAppError(sig.reason).details;
      if (sdk.status === 'fulfilled') sdkVerdict = sdk.value;
    }
    const result = await verifyResponse({
      mode,
      provider: svc.provider,
      expectedSigner: expectedSigner(svc),
      chatId: exchange.chatId,
      signed,
      requestBytes: exchange.requestBytes,
      responseBytes: exchange.responseBytes,
      sdkVerdict,
      unavailable,
    });
    return result as unknown as StoredVerification;
  }

  return { authorization, verify };
}
