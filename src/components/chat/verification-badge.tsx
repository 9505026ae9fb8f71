import { useState } from 'react';
import type { StoredVerification } from '../../lib/chat/types';
import { BADGE_TEXT } from '../../lib/verify/response';
import { Badge, type BadgeTone } from '../ui/badge';
import { Button } from '../ui/button';
import { CopyButton } from '../ui/copy-button';
import { Dialog } from '../ui/dialog';

const TONE: Record<StoredVerification['state'], BadgeTone> = {
  verifying: 'neutral',
  verified: 'good',
  'content-mismatch': 'bad',
  failed: 'bad',
  'not-verifiable': 'neutral',
  unavailable: 'warn',
};

const field = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));

/** The TEE badge of one answer; pressing it shows what was checked and offers the proof as JSON. */
export function VerificationBadge({
  verification,
  onRetry,
}: {
  verification: StoredVerification;
  onRetry?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const v = verification;
  const rows: Array<[string, unknown]> = [
    ['Mode', v.mode],
    ['Provider', v.provider],
    ['Chat ID', v.chatId],
    ['Signer expected', v.expectedSigner],
    ['Signer recovered', v.recoveredSigner],
    ['Request sha256 (computed here)', v.localRequestHash],
    ['Response sha256 (computed here)', v.localResponseHash],
    ['Request hash signed', v.signedRequestHash],
    ['Response hash signed', v.signedResponseHash],
    ['Signed text', v.signedText],
    ['Signature', v.signature],
    ['Checked at', v.checkedAt],
  ];
  const proof = v.proof as { providerIdentity?: string; tlsCertFingerprint?: string; timestamp?: number } | null;
  if (proof) {
    rows.push(['Provider identity (TeeTLS)', proof.providerIdentity]);
    rows.push(['TLS certificate fingerprint', proof.tlsCertFingerprint]);
    rows.push(['Proof time', proof.timestamp ? new Date(proof.timestamp * 1000).toISOString() : null]);
  }
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className="rounded-full" aria-haspopup="dialog">
        {/* An imported result was not checked in this browser: shown, but never as a green claim. */}
        <Badge tone={v.imported ? 'neutral' : TONE[v.state]}>
          {BADGE_TEXT[v.state]}
          {v.imported ? ' (imported, not checked here)' : ''}
        </Badge>
      </button>
      {v.state === 'unavailable' && onRetry && (
        <Button size="sm" variant="ghost" onClick={onRetry}>
          Retry verification
        </Button>
      )}
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Verification: ${BADGE_TEXT[v.state]}`}
        className="w-[min(44rem,calc(100vw-2rem))]"
      >
        <p className="mb-3 text-sm">{v.reason}</p>
        {v.imported === true && (
          <p className="mb-3 text-sm text-amber-800 dark:text-amber-300">
            This result came with an imported file; this browser has not checked it.
          </p>
        )}
        <dl className="grid gap-2 text-xs sm:grid-cols-[12rem_1fr]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-zinc-500">{label}</dt>
              <dd className="font-mono break-all whitespace-pre-wrap">{field(value)}</dd>
            </div>
          ))}
        </dl>
        <div className="mt-4">
          <CopyButton
            value={JSON.stringify(v, null, 2)}
            label="Copy proof (JSON)"
            text="Copy proof (JSON)"
            className="text-sm"
          />
        </div>
      </Dialog>
    </>
  );
}
