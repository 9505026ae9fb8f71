import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Eip1193Provider } from 'ethers';

const require = createRequire(import.meta.url);

export interface Chain {
  /** In-process EIP-1193 provider: the fastest path for the devnet's own set-up transactions. */
  provider: Eip1193Provider;
  rpcUrl: string;
  close: () => Promise<void>;
}

interface HardhatServer {
  listen: () => Promise<{ address: string; port: number }>;
  close: () => Promise<void>;
  _httpServer: import('node:http').Server;
}

/** Starts a fresh in-memory Hardhat 2 chain (31337) and serves its JSON-RPC on host:port. */
export async function startChain(host: string, port: number): Promise<Chain> {
  process.env.HARDHAT_CONFIG = fileURLToPath(new URL('./hardhat.config.cjs', import.meta.url));
  // Hardhat 2 is CommonJS and configures itself from HARDHAT_CONFIG on first require.
  const hre = require('hardhat') as { network: { provider: Eip1193Provider } };
  const { JsonRpcServer } = require('hardhat/internal/hardhat-network/jsonrpc/server') as {
    JsonRpcServer: new (config: { hostname: string; port: number; provider: Eip1193Provider }) => HardhatServer;
  };
  const server = new JsonRpcServer({ hostname: host, port, provider: hre.network.provider });
  await new Promise<void>((resolve, reject) => {
    server._httpServer.once('error', reject);
    server.listen().then(() => resolve(), reject);
  });
  return {
    provider: hre.network.provider,
    rpcUrl: `http://${host}:${port}`,
    close: () => server.close(),
  };
}
