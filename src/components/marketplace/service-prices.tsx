import type { Service } from '../../lib/chain/services';
import { priceLabel, priceUnit } from '../../lib/pricing';

/** Input and output price in 0G with the unit this service type is priced in. */
export function ServicePrices({ service }: { service: Service }) {
  const unit = priceUnit(service.serviceType, service.additionalInfo);
  const rows = [
    ['Input', priceLabel(service.inputPrice, unit)],
    ['Output', priceLabel(service.outputPrice, unit)],
  ] as const;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
      {rows.map(([label, p]) => (
        <div key={label} className="contents">
          <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
          <dd>
            <span className="font-medium tabular-nums">{p.amount}</span>{' '}
            <span className="text-xs text-zinc-500 dark:text-zinc-400">{p.per}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
