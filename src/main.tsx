import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { loadDevnetConfig } from './config/devnet';
import { announceDevWallet } from './lib/chain/dev-wallet';
import { cn } from './lib/cn';
import { devnet, mainnet, testnet, type Network } from './lib/chain/networks';
import { createWagmiConfig } from './lib/chain/wagmi';
import { nextTask } from './lib/next-task';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('Missing #root element in index.html');

// In a function rather than at the module's top level: a top-level await turns off the bundler's chunk merging, and
// the first visit would then load dozens of small chunks instead of a few.
async function start(root: HTMLElement) {
  // Start-up runs as several short tasks rather than one long one, so a phone stays responsive while it starts:
  // loading the app's code, asking for the front page's code, tailwind-merge's one-time setup (the first class merge
  // builds its tables), and the first render, each with a turn for the browser in between.
  await nextTask();
  // The marketplace is the front door: its page's code is fetched together with the devnet description rather than
  // after the first render asks for it, so that render runs through once instead of stopping at the page and
  // starting over when the code arrives. A failed fetch is left to the page's own import, whose error the page's
  // error boundary shows.
  const frontPage = location.pathname === '/' ? import('./pages/marketplace').catch(() => undefined) : undefined;
  // The devnet is offered only when this app is served or built for it (npm start, e2e, bench).
  const devnetConfigLoaded = loadDevnetConfig();
  await nextTask();
  cn('');
  const [devnetConfig] = await Promise.all([devnetConfigLoaded, frontPage]);
  const networks: Network[] = [mainnet, testnet];
  if (devnetConfig) {
    networks.push(devnet(devnetConfig.rpcUrl, devnetConfig.contracts, devnetConfig.simulatorUrl));
    announceDevWallet(devnetConfig);
  }

  // #root holds the static shell from index.html. Rendering in a transition keeps it on screen until the first
  // page's code is in (nothing suspends to a fallback), then React replaces it in one commit; the render also yields
  // to the browser between components rather than holding the main thread in one long task.
  const wagmiConfig = createWagmiConfig(networks);
  startTransition(() => {
    createRoot(root).render(
      <StrictMode>
        <App wagmiConfig={wagmiConfig} networks={networks} />
      </StrictMode>,
    );
  });
}

void start(root);
