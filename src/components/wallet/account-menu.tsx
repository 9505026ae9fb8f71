import { useEffect, useRef, useState } from 'react';
import { useAccount, useBalance, useDisconnect } from 'wagmi';
import { og } from '../../lib/units';
import { shortAddress } from '../../lib/format';
import { useNetwork } from '../../hooks/network/use-network';
import { CopyButton } from '../ui/copy-button';
import { Button } from '../ui/button';

/** The connected account: address (copy), native balance, network, disconnect. */
export function AccountMenu({ address }: { address: `0x${string}` }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const { network } = useNetwork();
  const { connector, chain, chainId } = useAccount();
  const { disconnect } = useDisconnect();
  const balance = useBalance({ address, chainId: network.chain.id, query: { staleTime: 15_000 } });

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => ref.current?.contains(e.target as Node) || setOpen(false);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div ref={ref} className="relative">
      <Button
        variant="secondary"
        size="sm"
        aria-label={`Account ${address}`}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="font-mono"
      >
        {shortAddress(address)}
      </Button>
      {open && (
        <div className="absolute right-0 z-40 mt-2 w-72 rounded-xl border border-zinc-200 bg-white p-4 text-sm shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
          <dl className="grid gap-3">
            <div>
              <dt className="text-xs text-zinc-500 dark:text-zinc-400">Address</dt>
              <dd className="flex items-center gap-1">
                <span className="font-mono text-xs break-all" data-testid="account-address">
                  {address}
                </span>
                <CopyButton value={address} label="Copy address" />
              </dd>
            </div>
            <div>
              <dt className="text-xs text-zinc-500 dark:text-zinc-400">Balance on {network.chain.name}</dt>
              <dd data-testid="account-balance">
                {balance.data
                  ? og(balance.data.value, 4)
                  : balance.isError
                    ? 'Unavailable (network unreachable)'
                    : 'Loading…'}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-zinc-500 dark:text-zinc-400">Wallet network</dt>
              <dd>{chain?.name ?? `Chain ${chainId ?? '?'}`}</dd>
            </div>
            <div>
              <dt className="text-xs text-zinc-500 dark:text-zinc-400">Wallet</dt>
              <dd>{connector?.name ?? 'Unknown'}</dd>
            </div>
          </dl>
          <Button
            variant="secondary"
            size="sm"
            className="mt-4 w-full"
            onClick={() => {
              disconnect();
              setOpen(false);
            }}
          >
            Disconnect
          </Button>
        </div>
      )}
    </div>
  );
}
