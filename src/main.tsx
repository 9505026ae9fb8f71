import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { loadDevnetConfig } from './config/devnet';
import { announceDevWallet } from './lib/chain/dev-wallet';
import { devnet, mainnet, testnet, type Network } from './lib/chain/networks';
import { createWagmiConfig } from './lib/chain/wagmi';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('Missing #root element in index.html');

// The devnet is offered only when this app is served or built for it (npm start, e2e, bench).
const devnetConfig = await loadDevnetConfig();
const networks: Network[] = [mainnet, testnet];
if (devnetConfig) {
  networks.push(devnet(devnetConfig.rpcUrl, devnetConfig.contracts));
  announceDevWallet(devnetConfig);
}

createRoot(root).render(
  <StrictMode>
    <App wagmiConfig={createWagmiConfig(networks)} networks={networks} />
  </StrictMode>,
);
