import { NETWORK_LABEL } from '../../lib/chain/network-choice';
import { useNetwork } from '../../hooks/network/use-network';
import { useSwitchNetwork } from '../../hooks/wallet/use-switch-network';

/** Network selector; works without a wallet (changes what is shown) and with one (asks it to switch). */
export function NetworkSelect() {
  const { network, networks } = useNetwork();
  const { switchTo, isPending } = useSwitchNetwork();
  return (
    <select
      aria-label="Network"
      value={network.kind}
      disabled={isPending}
      onChange={(e) => {
        const target = networks.find((n) => n.kind === e.target.value);
        if (target) void switchTo(target);
      }}
      className="h-9 max-w-[9.5rem] rounded-lg border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
    >
      {networks.map((n) => (
        <option key={n.kind} value={n.kind}>
          {NETWORK_LABEL[n.kind]}
        </option>
      ))}
    </select>
  );
}
