import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { WagmiProvider } from 'wagmi';
import { AppLayout } from './components/layout/app-layout';
import { NetworkProvider } from './components/network/network-provider';
import { Toaster } from './components/ui/toaster';
import type { Network } from './lib/chain/networks';
import type { WagmiConfig } from './lib/chain/wagmi';

// Each page is its own chunk: a first visit loads the shell and the page it opens, nothing more.
const page = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));
const MarketplacePage = page(() => import('./pages/marketplace'), 'MarketplacePage');
const ProviderPage = page(() => import('./pages/provider'), 'ProviderPage');
const AccountPage = page(() => import('./pages/account'), 'AccountPage');
const ChatPage = page(() => import('./pages/chat'), 'ChatPage');
const ImagePage = page(() => import('./pages/image'), 'ImagePage');
const SpeechPage = page(() => import('./pages/speech'), 'SpeechPage');
const FineTuningPage = page(() => import('./pages/fine-tuning'), 'FineTuningPage');
const FineTuningTaskPage = page(() => import('./pages/fine-tuning-task'), 'FineTuningTaskPage');
const BuildPage = page(() => import('./pages/build'), 'BuildPage');
const VerifyPage = page(() => import('./pages/verify'), 'VerifyPage');
const NotFoundPage = page(() => import('./pages/not-found'), 'NotFoundPage');

/** Providers (wagmi, TanStack Query, network, toasts) and the route table. */
export function App({ wagmiConfig, networks }: { wagmiConfig: WagmiConfig; networks: readonly Network[] }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } } }),
  );
  return (
    <WagmiProvider config={wagmiConfig}>
      <QueryClientProvider client={queryClient}>
        <NetworkProvider networks={networks}>
          <Toaster>
            <BrowserRouter>
              <Routes>
                <Route element={<AppLayout />}>
                  <Route path="/" element={<MarketplacePage />} />
                  <Route path="/providers/:address" element={<ProviderPage />} />
                  <Route path="/account" element={<AccountPage />} />
                  <Route path="/chat" element={<ChatPage />} />
                  <Route path="/image" element={<ImagePage />} />
                  <Route path="/speech" element={<SpeechPage />} />
                  <Route path="/fine-tuning" element={<FineTuningPage />} />
                  <Route path="/fine-tuning/tasks/:id" element={<FineTuningTaskPage />} />
                  <Route path="/build/:address" element={<BuildPage />} />
                  <Route path="/verify" element={<VerifyPage />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Routes>
            </BrowserRouter>
          </Toaster>
        </NetworkProvider>
      </QueryClientProvider>
    </WagmiProvider>
  );
}
