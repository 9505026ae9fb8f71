import { HDNodeWallet, Wallet, id } from 'ethers';

/** Hardhat's well-known test mnemonic: these keys exist only on the local devnet. */
export const DEV_MNEMONIC = 'test test test test test test test test test test test junk';

const root = HDNodeWallet.fromPhrase(DEV_MNEMONIC, undefined, "m/44'/60'/0'/0");

/** Hardhat account #index (funded with 10 000 0G at genesis). */
export function hardhatAccount(index: number): Wallet {
  return new Wallet(root.deriveChild(index).privateKey);
}

/** A deterministic TEE signing key per simulated provider; never funded, never on a real network. */
export function teeKey(label: string): Wallet {
  return new Wallet(id(`0g-devnet/tee/${label}`));
}

export const OWNER_INDEX = 0;
export const FIRST_PROVIDER_INDEX = 1; // providers take #1..#10
export const FIRST_USER_INDEX = 11; // users take #11..#47 and start without a ledger
export const USER_COUNT = 37;
