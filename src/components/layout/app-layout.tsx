import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useFollowWalletChain } from '../../hooks/wallet/use-follow-wallet-chain';
import { ConnectButton } from '../wallet/connect-button';
import { NetworkSelect } from '../network/network-select';
import { WrongNetworkBanner } from '../network/wrong-network-banner';
import { ErrorBoundary } from '../ui/error-boundary';
import { HeaderNav, PhoneNav } from './nav-links';
import { ThemeToggle } from './theme-toggle';

/** Header, navigation (header from tablet width, bottom bar on phones) and the page in its own error boundary. */
export function AppLayout() {
  const { pathname } = useLocation();
  useFollowWalletChain();
  return (
    <div className="flex min-h-screen flex-col pb-16 md:pb-0">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4">
          <Link to="/" className="flex shrink-0 items-center gap-2 font-semibold">
            <span
              aria-hidden="true"
              className="grid size-7 place-items-center rounded-lg bg-violet-600 text-xs text-white"
            >
              0G
            </span>
            <span className="hidden sm:inline">Compute Marketplace</span>
          </Link>
          <HeaderNav />
          <div className="ml-auto flex items-center gap-2">
            <NetworkSelect />
            <ThemeToggle />
            <ConnectButton />
          </div>
        </div>
      </header>
      <WrongNetworkBanner />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        <ErrorBoundary key={pathname}>
          <Suspense fallback={<p className="text-sm text-zinc-500 dark:text-zinc-400">Loading…</p>}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
      <PhoneNav />
    </div>
  );
}
