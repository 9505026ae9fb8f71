import type { ProofReport } from '../../lib/proof/check';
import { Badge } from '../ui/badge';

/**
 * The outcome of the check made here: "Verified" only when the report says so, with every problem it found as a
 * sentence. The content-included and chain notes come from the report too.
 */
export function ProofVerdict({ report }: { report: ProofReport }) {
  const verified = report.verified === true;
  // Hashes only, nothing failed: incomplete rather than wrong, so it is not shown in red.
  const incomplete = !verified && !report.contentIncluded && report.rows.every((r) => r.status === 'passed');
  return (
    <div className="flex flex-col gap-2">
      <p role="status" className="flex flex-wrap items-center gap-2">
        <Badge tone={verified ? 'good' : incomplete ? 'warn' : 'bad'} className="text-sm">
          {verified ? 'Verified' : 'Not verified'}
        </Badge>
        <span className="text-sm">
          {verified
            ? "Checked in this browser: the provider's TEE signer on chain now signed exactly these bytes."
            : incomplete
              ? 'The signature and the signer check out, but the content is not included, so there is nothing to bind them to.'
              : 'Checked in this browser: this proof does not hold up (see below).'}
        </span>
      </p>
      {report.signerChanged && (
        <p className="text-sm font-medium text-red-700 dark:text-red-400">
          The provider’s TEE signer on chain has changed since this proof was made: the key that signed it is no longer
          the one the chain names.
        </p>
      )}
      {!report.networkKnown && (
        <p className="text-sm font-medium text-red-700 dark:text-red-400">
          This proof’s network is not one this app knows, so nothing could be read from its chain.
        </p>
      )}
      {report.sentences.length > 0 && (
        <ul aria-label="What the check found" className="list-disc space-y-1 pl-5 text-sm">
          {report.sentences.map((s, i) => (
            <li key={i} className="break-words">
              {s}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
