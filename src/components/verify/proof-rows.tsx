import type { ProofRow } from '../../lib/proof/check';
import { CheckRow } from '../ui/check-row';

/** The checks of a proof, one row each, as the badge detail lists them. */
export function ProofRows({ rows }: { rows: readonly ProofRow[] }) {
  return (
    <ul aria-label="Checks" className="space-y-2">
      {rows.map((row) => (
        <CheckRow key={row.id} label={row.label} state={row.status} detail={row.detail} />
      ))}
    </ul>
  );
}
