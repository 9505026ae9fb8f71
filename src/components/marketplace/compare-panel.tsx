import { Link } from 'react-router';
import { paths } from '../../config/routes';
import type { Service } from '../../lib/chain/services';
import { shortAddress } from '../../lib/format';
import { compareProblem, TYPE_LABEL } from '../../lib/marketplace';
import { priceLabel, priceUnit } from '../../lib/pricing';
import { Button } from '../ui/button';
import { Panel } from '../ui/panel';
import { AttestationStatus } from './attestation-status';
import { ModeBadge } from './mode-badge';

/** 2–4 providers of one type side by side: price, mode and attestation status. */
export function ComparePanel({ selected, onClear }: { selected: Service[]; onClear: () => void }) {
  const problem = compareProblem(selected);
  return (
    <Panel
      tone="accent"
      title={`Compare providers (${selected.length})`}
      action={
        <Button size="sm" variant="ghost" onClick={onClear}>
          Clear comparison
        </Button>
      }
    >
      {problem ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{problem}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <thead>
              <tr>
                <th scope="col" className="w-32 py-1 pr-3 font-medium text-zinc-600 dark:text-zinc-400">
                  <span className="sr-only">Field</span>
                </th>
                {selected.map((s) => (
                  <th key={s.provider} scope="col" className="py-1 pr-3 align-top font-semibold break-words">
                    <Link to={paths.provider(s.provider)} className="hover:underline">
                      {s.model}
                    </Link>
                    <span className="block font-mono text-xs font-normal text-zinc-600 dark:text-zinc-400">
                      {shortAddress(s.provider)}
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-violet-100 dark:divide-violet-900">
              <Row label="Type" cells={selected.map((s) => TYPE_LABEL[s.serviceType] ?? s.serviceType)} />
              <Row label="Input price" cells={selected.map((s) => price(s, s.inputPrice))} />
              <Row label="Output price" cells={selected.map((s) => price(s, s.outputPrice))} />
              <Row
                label="Verification"
                cells={selected.map((s) => (
                  <ModeBadge key={s.provider} verifiability={s.verifiability} />
                ))}
              />
              <Row
                label="Attestation"
                cells={selected.map((s) => (
                  <AttestationStatus key={s.provider} provider={s.provider} verifiability={s.verifiability} />
                ))}
              />
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}

function price(s: Service, neuron: bigint): string {
  const p = priceLabel(neuron, priceUnit(s.serviceType, s.additionalInfo));
  return `${p.amount} ${p.per}`;
}

function Row({ label, cells }: { label: string; cells: React.ReactNode[] }) {
  return (
    <tr>
      <th scope="row" className="py-2 pr-3 font-medium text-zinc-600 dark:text-zinc-400">
        {label}
      </th>
      {cells.map((c, i) => (
        <td key={i} className="py-2 pr-3 align-top">
          {c}
        </td>
      ))}
    </tr>
  );
}
