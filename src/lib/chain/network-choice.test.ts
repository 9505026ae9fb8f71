import { describe, expect, it } from 'vitest';
import { initialNetwork } from './network-choice';
import { devnet, mainnet, testnet } from './networks';

const local = devnet('http://127.0.0.1:8545', mainnet.contracts);

describe('initialNetwork', () => {
  it('opens on the devnet when the app runs with one', () => {
    expect(initialNetwork([mainnet, testnet, local], null).kind).toBe('devnet');
  });
  it('opens on Mainnet in a production build', () => {
    expect(initialNetwork([mainnet, testnet], null).kind).toBe('mainnet');
  });
  it('remembers the user choice', () => {
    expect(initialNetwork([mainnet, testnet, local], 'testnet').kind).toBe('testnet');
  });
  it('ignores a remembered devnet when no devnet is offered', () => {
    expect(initialNetwork([mainnet, testnet], 'devnet').kind).toBe('mainnet');
    expect(initialNetwork([mainnet, testnet], 'garbage').kind).toBe('mainnet');
  });
});
