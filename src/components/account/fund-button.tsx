import { lazy, Suspense, useState } from 'react';
import { Button, type ButtonProps } from '../ui/button';
import type { FundTarget } from './fund-dialog';

// The dialog (ledger reads, transaction code) loads on the first press, not with the marketplace.
const FundDialog = lazy(() => import('./fund-dialog').then((m) => ({ default: m.FundDialog })));

/** Opens the Fund dialog, optionally for one provider or for the ledger alone ("Create your ledger"). */
export function FundButton({
  target,
  label = 'Fund',
  ...props
}: { target?: FundTarget; label?: string } & ButtonProps) {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  return (
    <>
      <Button
        variant="secondary"
        {...props}
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
      >
        {label}
      </Button>
      {loaded && (
        <Suspense fallback={null}>
          <FundDialog open={open} onClose={() => setOpen(false)} target={target} />
        </Suspense>
      )}
    </>
  );
}
