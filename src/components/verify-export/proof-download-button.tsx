import { useState } from 'react';
import type { StoredVerification } from '../../lib/chat/types';
import { errorMessage } from '../../lib/errors';
import { Button, type ButtonSize } from '../ui/button';
import { WithProof, type ProofContext } from './proof-export';
import type { ProofSource } from './proof-source';

function DownloadButton({ ctx, label, size }: { ctx: ProofContext; label: string; size: ButtonSize }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        size={size}
        variant="secondary"
        onClick={() => {
          setError(null);
          // The bytes when this visit has them: a person who wants hashes only finds the choice in the badge.
          import('./proof-make')
            .then((m) => m.downloadProof(ctx, !ctx.source.exchange))
            .catch((err: unknown) => setError(errorMessage(err)));
        }}
      >
        {label}
      </Button>
      {error && (
        <p role="alert" className="w-full text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </>
  );
}

/** One button that downloads the proof bundle as it is (with the bytes when kept), e.g. "Download with proof". */
export function ProofDownloadButton({
  verification,
  source,
  label,
  size = 'sm',
}: {
  verification: StoredVerification;
  source: ProofSource;
  label: string;
  size?: ButtonSize;
}) {
  return (
    <WithProof verification={verification} source={source}>
      {(ctx) => <DownloadButton ctx={ctx} label={label} size={size} />}
    </WithProof>
  );
}
