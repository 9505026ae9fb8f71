import { describe, expect, it } from 'vitest';
import { mainnet, testnet } from '../src/lib/chain/networks';
import { contentSecurityPolicy, cspDirectives, NETWORK_RPC_URLS } from './csp';

const rpcUrls = ['https://evmrpc.0g.ai', 'https://evmrpc-testnet.0g.ai/'];
const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((d) => d.split(' ')[0] === name)
    ?.split(' ')
    .slice(1);

describe('the Content Security Policy', () => {
  it('allows scripts and styles from the app only: no inline code, no eval', () => {
    const policy = contentSecurityPolicy({ rpcUrls, devnet: false });
    expect(directive(policy, 'default-src')).toEqual(["'self'"]);
    expect(directive(policy, 'script-src')).toEqual(["'self'"]);
    expect(directive(policy, 'style-src')).toEqual(["'self'"]);
    expect(policy).not.toMatch(/unsafe-|nonce-|sha256-/);
  });

  it('connects to the app, the RPC origins and https: providers; plain http only in a devnet build', () => {
    const production = contentSecurityPolicy({ rpcUrls, devnet: false });
    expect(directive(production, 'connect-src')).toEqual([
      "'self'",
      'https://evmrpc.0g.ai',
      'https://evmrpc-testnet.0g.ai',
      'https:',
    ]);
    expect(production).not.toContain('http:');
    expect(production).not.toContain('127.0.0.1');

    const devnet = contentSecurityPolicy({ rpcUrls, devnet: true });
    expect(directive(devnet, 'connect-src')).toEqual([
      "'self'",
      'https://evmrpc.0g.ai',
      'https://evmrpc-testnet.0g.ai',
      'https:',
      'http://127.0.0.1:*',
      'http://localhost:*',
    ]);
  });

  it('names each RPC origin once', () => {
    const twice = ['https://rpc.example/a', 'https://rpc.example/b'];
    expect(cspDirectives({ rpcUrls: twice, devnet: false }).find(([n]) => n === 'connect-src')?.[1]).toEqual([
      "'self'",
      'https://rpc.example',
      'https:',
    ]);
  });

  it('allows images from the app, blob: and data:; no plugins, no <base>, no form posts', () => {
    const policy = contentSecurityPolicy({ rpcUrls, devnet: false });
    expect(directive(policy, 'img-src')).toEqual(["'self'", 'blob:', 'data:']);
    expect(directive(policy, 'media-src')).toEqual(["'self'", 'blob:']);
    expect(directive(policy, 'object-src')).toEqual(["'none'"]);
    expect(directive(policy, 'base-uri')).toEqual(["'none'"]);
    expect(directive(policy, 'form-action')).toEqual(["'none'"]);
  });

  it('adds frame-ancestors only to the header form (a meta tag cannot carry it)', () => {
    expect(contentSecurityPolicy({ rpcUrls, devnet: false })).not.toContain('frame-ancestors');
    expect(directive(contentSecurityPolicy({ rpcUrls, devnet: false }, { header: true }), 'frame-ancestors')).toEqual([
      "'none'",
    ]);
  });

  it('takes the production networks’ RPCs from the network table', () => {
    expect(NETWORK_RPC_URLS).toEqual([...mainnet.chain.rpcUrls.default.http, ...testnet.chain.rpcUrls.default.http]);
    expect(NETWORK_RPC_URLS.every((u) => u.startsWith('https://'))).toBe(true);
  });
});
