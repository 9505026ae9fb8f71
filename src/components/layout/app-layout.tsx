import { Link, Outlet, useLocation } from 'react-router';
import { useFollowWalletChain } from '../../hooks/wallet/use-follow-wallet-chain';
import { ConnectButton } from '../wallet/connect-button';
import { NetworkSelect } from '../network/network-select';
import { WrongNetworkBanner } from '../network/wrong-network-banner';
import { ErrorBoundary } from '../ui/error-boundary';
import { HeaderNav, PhoneNav } from './nav-links';
import { ThemeToggle } from './theme-toggle';

/** The frame's classes, shared with the static shell in index.html (src/components/layout/static-shell.test.tsx compares them). */
export const FRAME = {
  root: 'flex min-h-screen flex-col pb-16 lg:pb-0',
  header:
    'sticky top-0 z-30 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90',
  bar: 'mx-auto flex h-14 max-w-6xl items-center gap-3 px-4',
  main: 'mx-auto w-full max-w-6xl flex-1 px-4 py-6',
} as const;

/** Above the top edge until focused, then slid in over the sticky header: readable in both themes. */
export function SkipLink() {
  return (
    <a
      href="#main"
      className="fixed top-2 left-2 z-50 -translate-y-[200%] rounded-md bg-white px-3 py-2 text-sm font-medium text-zinc-900 ring-2 ring-violet-600 focus:translate-y-0 focus:shadow-lg dark:bg-zinc-900 dark:text-zinc-100 dark:ring-violet-400"
    >
      Skip to content
    </a>
  );
}

/** The logo, named by its text "0G Compute Marketplace"; phones show only the "0G" mark, which the name starts with. */
export function HomeLink() {
  return (
    <Link to="/" className="flex shrink-0 items-center gap-2 font-semibold">
      <span className="grid size-7 place-items-center rounded-lg bg-violet-600 text-xs text-white">0G</span>{' '}
      <span className="sr-only sm:not-sr-only lg:sr-only xl:not-sr-only">Compute Marketplace</span>
    </Link>
  );
}

/** Header, navigation (header from laptop width, bottom bar on phones and tablets) and the page in its own error boundary. */
export function AppLayout() {
  const { pathname } = useLocation();
  useFollowWalletChain();
  return (
    <div className={FRAME.root}>
      <SkipLink />
      <header className={FRAME.header}>
        <div className={FRAME.bar}>
          <HomeLink />
          <HeaderNav />
          <div className="ml-auto flex items-center gap-2">
            <NetworkSelect />
            <ThemeToggle />
            <ConnectButton />
          </div>
        </div>
      </header>
      <WrongNetworkBanner />
      <main id="main" className={FRAME.main}>
        {/*
          No Suspense boundary around the lazy pages: every render that opens one is a transition (the first, from
          main.tsx, and each navigation, from the router), so React keeps what is on screen, the static shell of
          index.html or the page before, until the next page's code is in, and swaps it in one step.
        */}
        <ErrorBoundary key={pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
      <PhoneNav />
    </div>
  );
}
