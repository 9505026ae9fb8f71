import {
  createWalletClient,
  defineChain,
  http,
  parseEther,
  publicActions,
  type Address,
  type Hash,
  type Hex,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { Manifest } from '../devnet/manifest.js';
import { inferenceAbi, ledgerAbi } from '../src/lib/chain/abi';
import { getServiceNames } from '../src/lib/chain/ledger-reads';

/**
 * Gives a manifest account a ledger and an acknowledged inference sub-account with `provider`, straight
 * through viem (no app, no SDK), so the chat bench measures chatting and not funding.
 */
export async function fundChatAccount(manifest: Manifest, accountIndex: number, provider: Address): Promise<Address> {
  const key = manifest.accounts[accountIndex];
  if (!key) throw new Error(`the devnet manifest has no account ${accountIndex}`);
  const chain = defineChain({
    id: manifest.chainId,
    name: 'devnet',
    nativeCurrency: { name: '0G', symbol: '0G', decimals: 18 },
    rpcUrls: { default: { http: [manifest.rpcUrl] } },
  });
  const client = createWalletClient({
    account: privateKeyToAccount(key.privateKey as Hex),
    chain,
    transport: http(manifest.rpcUrl),
    // The devnet mines on every transaction: poll receipts quickly rather than every 4 s.
    pollingInterval: 50,
  }).extend(publicActions);
  const ledger = manifest.contracts.ledger as Address;
  const inference = manifest.contracts.inference as Address;
  const mined = async (what: string, hash: Hash) => {
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`funding the chat account: ${what} reverted (${hash})`);
  };

  const names = await getServiceNames(client, {
    ledger,
    inference,
    fineTuning: manifest.contracts.fineTuning as Address,
  });
  const addLedger = { address: ledger, abi: ledgerAbi, functionName: 'addLedger', args: [''] } as const;
  await mined('addLedger', await client.writeContract({ ...addLedger, value: parseEther('10') }));
  const transfer = [provider, names.inference, parseEther('5')] as const;
  await mined(
    'transferFund',
    await client.writeContract({ address: ledger, abi: ledgerAbi, functionName: 'transferFund', args: transfer }),
  );
  const account = await client.readContract({
    address: inference,
    abi: inferenceAbi,
    functionName: 'getAccount',
    args: [client.account.address, provider],
  });
  // The provider refuses requests from a sub-account that has not acknowledged its TEE signer.
  if (!account.acknowledged) {
    const ack = { address: inference, abi: inferenceAbi, functionName: 'acknowledgeTEESigner' } as const;
    await mined('acknowledgeTEESigner', await client.writeContract({ ...ack, args: [provider, true] }));
  }
  return client.account.address;
}
