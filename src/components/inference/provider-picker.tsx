import type { Service } from '../../lib/chain/services';
import { usableBalance, type SubAccount } from '../../lib/chain/ledger-reads';
import { runway, runwayAssumption } from '../../lib/account/runway';
import { shortAddress } from '../../lib/format';
import { priceLabel, priceUnit } from '../../lib/pricing';
import { og } from '../../lib/units';
import { FundButton } from '../account/fund-button';
import { HealthBadge } from '../health/health-badge';
import { ModeBadge } from '../marketplace/mode-badge';
import { Field } from '../ui/field';
import { Select } from '../ui/select';

function priceText(s: Service): string {
  const unit = priceUnit(s.serviceType, s.additionalInfo);
  if (unit === 'token')
    return `in ${priceLabel(s.inputPrice, 'token').amount} / out ${priceLabel(s.outputPrice, 'token').amount} per 1M tokens`;
  const price = priceLabel(s.outputPrice, unit);
  return `${price.amount} ${price.per}`;
}

/**
 * A provider picker with price and mode, and the sub-account balance and runway for the chosen
 * one with its Fund button: the same on every studio (chat, each side of compare, image, speech).
 */
export function ProviderPicker({
  services,
  service,
  onPick,
  sub,
  connected,
  label = 'Provider',
  note,
}: {
  services: Service[];
  service: Service | undefined;
  onPick: (provider: string) => void;
  sub: SubAccount | undefined | null;
  connected: boolean;
  label?: string;
  /** A line under the picker, e.g. why this provider was chosen for the user. */
  note?: string | null;
}) {
  const usable = usableBalance(sub);
  const left = service && sub ? runway(usable, service.serviceType, service.inputPrice, service.outputPrice) : null;
  return (
    <div className="flex flex-wrap items-end gap-3 rounded-xl border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
      {/* min-w-0 on a phone: a long option (model, prices, address) must not widen the page. */}
      <Field
        label={label}
        labelClassName="text-xs font-normal text-zinc-600 dark:text-zinc-400"
        className="min-w-0 flex-1 basis-56"
      >
        {(control) => (
          <Select
            {...control}
            value={service?.provider ?? ''}
            onChange={(e) => onPick(e.target.value)}
            className="h-9 w-full"
          >
            {services.map((s) => (
              <option key={s.provider} value={s.provider}>
                {s.model} — {priceText(s)} — {shortAddress(s.provider)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {service && <ModeBadge verifiability={service.verifiability} />}
      {service && <HealthBadge key={service.provider} service={service} />}
      {service && connected && (
        <div role="group" aria-label="Sub-account" className="flex flex-wrap items-center gap-2 text-sm">
          {sub === undefined ? (
            <span className="text-zinc-500 dark:text-zinc-400">Reading your sub-account…</span>
          ) : sub === null ? (
            <span className="text-amber-800 dark:text-amber-300">No sub-account with this provider yet</span>
          ) : (
            <span>
              Sub-account <strong className="tabular-nums">{og(usable)}</strong>
              {left !== null && (
                <span className="text-zinc-500 dark:text-zinc-400" title={runwayAssumption(service.serviceType)}>
                  {' '}
                  · about {left.toString()} requests
                </span>
              )}
              {sub.pendingRefund > 0n && (
                <span className="text-zinc-500 dark:text-zinc-400"> · {og(sub.pendingRefund)} being refunded</span>
              )}
            </span>
          )}
          <FundButton size="sm" target={{ kind: 'inference', provider: service.provider }} />
        </div>
      )}
      {note && <p className="w-full text-xs text-zinc-600 dark:text-zinc-400">{note}</p>}
    </div>
  );
}
