import { lazy, Suspense, useState, type ReactNode } from 'react';
import type { StoredVerification } from '../../lib/chat/types';
import { verificationChecks } from '../../lib/verify/checks';
import { BADGE_TEXT } from '../../lib/verify/response';
import { CheckRow } from '../ui/check-row';
import { Badge, type BadgeTone } from '../ui/badge';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import type { ProofSource } from '../verify-export/proof-source';

// The proof actions bring the bundle format and the zip writer: loaded when a badge's detail is opened.
const ProofActions = lazy(() => import('../verify-export/proof-actions').then((m) => ({ default: m.ProofActions })));

const TONE: Record<StoredVerification['state'], BadgeTone> = {
  verifying: 'neutral',
  verified: 'good',
  'content-mismatch': 'bad',
  failed: 'bad',
  'not-verifiable': 'neutral',
  unavailable: 'warn',
};

const field = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));

/** Where the expected signer came from, in words; any other value is shown as it is. */
const signerSource = (v: unknown) =>
  v === 'contract'
    ? "The contract's teeSignerAddress"
    : v === 'additional-info'
      ? "The provider's additionalInfo.TargetTeeAddress"
      : v;
const acknowledged = (v: unknown) => (v === true ? 'Yes' : v === false ? 'No' : null);

/** A proof's Unix time as ISO, or null: an imported record may hold any value, and toISOString throws on a bad one. */
function proofTime(seconds: unknown): string | null {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return null;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** What a signature that checks out covers when the picture came from a link: the link only. */
export const LINK_ONLY_TEXT = 'Link signed, picture not verified';
const LINK_ONLY_REASON =
  'The provider sent a link instead of the picture. The signature covers the answer that carried the link, not the picture the app fetched from it, so the picture itself is not verified.';

/**
 * The TEE badge of one answer; pressing it shows what was checked and, given `proof`, offers the proof bundle
 * (download, copy, hashes only, share link). `scope` 'link' is for a picture fetched from a link in the answer: a
 * signature that checks out then never reads as "Verified".
 */
export function VerificationBadge({
  verification,
  onRetry,
  scope = 'content',
  actions,
  proof,
}: {
  verification: StoredVerification;
  onRetry?: () => void;
  scope?: 'content' | 'link';
  /** More actions for the detail view, beside the proof's. */
  actions?: ReactNode;
  /** What the answer's proof bundle is made from; without it the detail offers no proof. */
  proof?: ProofSource;
}) {
  const [open, setOpen] = useState(false);
  const v = verification;
  const linkOnly = scope === 'link' && v.state === 'verified';
  const text = linkOnly ? LINK_ONLY_TEXT : BADGE_TEXT[v.state];
  const rows: Array<[string, unknown]> = [
    ['Mode', v.mode],
    ['Provider', v.provider],
    ['Chat ID', v.chatId],
    ['Signer expected', v.expectedSigner],
    ['Expected signer from', signerSource(v.signerSource)],
    ['Signer acknowledged on chain', acknowledged(v.signerAcknowledged)],
    ['Signer recovered', v.recoveredSigner],
    ['Request sha256 (computed here)', v.localRequestHash],
    ['Response sha256 (computed here)', v.localResponseHash],
    ['Request hash signed', v.signedRequestHash],
    ['Response hash signed', v.signedResponseHash],
    ['Signed text', v.signedText],
    ['Signature', v.signature],
    ['Checked at', v.checkedAt],
  ];
  const route = typeof v.proof === 'object' ? (v.proof as Record<string, unknown> | null) : null;
  if (route) {
    rows.push(['Provider identity (TeeTLS)', route.providerIdentity]);
    rows.push(['TLS certificate fingerprint', route.tlsCertFingerprint]);
    rows.push(['Proof time', proofTime(route.timestamp)]);
  }
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className="rounded-full" aria-haspopup="dialog">
        {/* An imported result was not checked in this browser: shown, but never as a green claim. */}
        <Badge tone={v.imported || linkOnly ? 'neutral' : TONE[v.state]}>
          {text}
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
        title={`Verification: ${text}`}
        className="w-[min(44rem,calc(100vw-2rem))]"
      >
        <p className="mb-3 text-sm">{v.reason}</p>
        {scope === 'link' && <p className="mb-3 text-sm text-amber-800 dark:text-amber-300">{LINK_ONLY_REASON}</p>}
        {v.imported === true && (
          <p className="mb-3 text-sm text-amber-800 dark:text-amber-300">
            This result came with an imported file; this browser has not checked it.
          </p>
        )}
        <ul aria-label="Checks" className="mb-4 space-y-2">
          {verificationChecks(v).map((check) => (
            <CheckRow
              key={check.id}
              label={check.label}
              state={check.state}
              detail={check.detail}
              muted={v.imported === true}
            />
          ))}
        </ul>
        <dl className="grid gap-2 text-xs sm:grid-cols-[12rem_1fr]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-zinc-600 dark:text-zinc-300">{label}</dt>
              <dd className="font-mono break-all whitespace-pre-wrap">{field(value)}</dd>
            </div>
          ))}
        </dl>
        {proof && (
          <div className="mt-4">
            <Suspense fallback={<p className="text-xs text-zinc-600 dark:text-zinc-300">Preparing the proof…</p>}>
              <ProofActions verification={v} source={proof} />
            </Suspense>
          </div>
        )}
        {actions && <div className="mt-4 flex flex-wrap gap-2">{actions}</div>}
      </Dialog>
    </>
  );
}
