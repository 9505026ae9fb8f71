import { describe, expect, it } from 'vitest';
import { devnet, DEVNET_CHAIN_ID, explorerAddressUrl, explorerTxUrl, mainnet, testnet } from './networks';

const local = devnet('http://127.0.0.1:8545', {
  ledger: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
  inference: '0x0165878A594ca255338adfa4d48449f69242Eb8F',
  fineTuning: '0xA51c1fc2f0D1a1b8494Ed1FE312d7C3a78Ed91C0',
});

describe('networks', () => {
  it('have the 0G chain ids and 0G as the currency', () => {
    expect([mainnet.chain.id, testnet.chain.id, local.chain.id]).toEqual([16661, 16602, DEVNET_CHAIN_ID]);
    for (const n of [mainnet, testnet, local])
      expect(n.chain.nativeCurrency).toEqual({ name: '0G', symbol: '0G', decimals: 18 });
  });

  it('link transactions and addresses to the explorer of their network', () => {
    expect(explorerTxUrl(mainnet, '0xabc')).toBe('https://chainscan.0g.ai/tx/0xabc');
    expect(explorerAddressUrl(testnet, '0xdef')).toBe('https://chainscan-galileo.0g.ai/address/0xdef');
  });

  it('give no explorer link on the devnet', () => {
    expect(explorerTxUrl(local, '0xabc')).toBeNull();
    expect(explorerAddressUrl(local, '0xabc')).toBeNull();
    expect(local.chain.rpcUrls.default.http[0]).toBe('http://127.0.0.1:8545');
  });
});
