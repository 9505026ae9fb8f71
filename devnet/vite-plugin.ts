import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { DEVNET_CONFIG_PATH, type DevnetConfig } from '../src/config/devnet-config.js';
import { manifestPath, readManifest, type Manifest } from './manifest.js';

/** The part of the manifest the app may see: no owner or provider keys, one dev wallet account. */
export function toDevnetConfig(m: Manifest): DevnetConfig {
  const dev = m.accounts[0];
  if (!dev) throw new Error('devnet manifest has no user accounts');
  return {
    chainId: m.chainId,
    rpcUrl: m.rpcUrl,
    contracts: m.contracts as DevnetConfig['contracts'],
    lockTime: m.lockTime,
    simulatorUrl: m.simulator.url,
    devWallet: { address: dev.address as `0x${string}`, privateKey: dev.privateKey as `0x${string}` },
  };
}

function serve(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  if (req.url?.split('?')[0] !== DEVNET_CONFIG_PATH) return next();
  const file = manifestPath();
  res.setHeader('Cache-Control', 'no-store');
  if (!existsSync(file)) {
    res.statusCode = 404;
    res.end('The devnet is not running.');
    return;
  }
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify(toDevnetConfig(readManifest(file))));
}

/** Serves the running devnet's description at /devnet.json from `vite` and `vite preview`. */
export function devnetConfigPlugin(): Plugin {
  return {
    name: 'devnet-config',
    configureServer: (server) => void server.middlewares.use(serve),
    configurePreviewServer: (server) => void server.middlewares.use(serve),
  };
}
