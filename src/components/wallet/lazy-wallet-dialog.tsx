import { lazy, Suspense, useState } from 'react';

const WalletDialog = lazy(() => import('./wallet-dialog').then((m) => ({ default: m.WalletDialog })));

/** The wallet list, loaded when it first opens: a page shows without it, and most visits never open it. */
export function LazyWalletDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [wanted, setWanted] = useState(open);
  // Once opened it stays mounted, so closing it returns focus as the dialog does.
  if (open && !wanted) setWanted(true);
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <WalletDialog open={open} onClose={onClose} />
    </Suspense>
  );
}
