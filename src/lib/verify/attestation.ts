/** One line of the SDK's verifyService log. */
export interface AttestationStep {
  type: 'step' | 'info' | 'success' | 'warning' | 'error' | string;
  message: string;
}

/** The part of the SDK's verifyService result the app reads (kept here so lib/verify needs no SDK). */
export interface VerifyServiceResult {
  success: boolean;
  teeVerifier: string;
  targetSeparated: boolean;
  verifierURL?: string;
  reportsData: Record<string, unknown>;
  // Optional: the SDK leaves them out when it failed before the check (its fine-tuning result never separates).
  signerVerification?: {
    contractAddress: string;
    reportAddresses: Array<{ reportType: string; address: string; match: boolean }>;
    allMatch: boolean;
  };
  composeVerification?: {
    passed: boolean;
    details: Record<string, { calculatedHash?: string; eventLogHash?: string; error?: string }>;
  };
  dockerImages: string[];
  steps?: AttestationStep[];
}

export type CheckStatus = 'passed' | 'failed' | 'not run';

export interface AttestationCheck {
  id: 'signer' | 'compose';
  label: string;
  status: CheckStatus;
  detail: string;
}

export interface AttestationSummary {
  checks: AttestationCheck[];
  /** "passed" only when every automated check passed; "incomplete" when one could not run. */
  overall: 'passed' | 'failed' | 'incomplete';
  /** The manual steps the SDK lists after its automated checks, as plain lines. */
  manualSteps: string[];
}

function signerCheck(r: VerifyServiceResult): AttestationCheck {
  const label = 'TEE signer matches the report data';
  const found = r.signerVerification?.reportAddresses ?? [];
  if (found.length === 0)
    return { id: 'signer', label, status: 'not run', detail: 'The report carries no signer address.' };
  const bad = found.filter((a) => !a.match);
  if (bad.length === 0 && r.signerVerification?.allMatch)
    return {
      id: 'signer',
      label,
      status: 'passed',
      detail: `Report signer ${found[0]?.address} is the on-chain TEE signer.`,
    };
  return {
    id: 'signer',
    label,
    status: 'failed',
    detail: `On chain: ${r.signerVerification?.contractAddress ?? '?'}; in the report: ${(bad[0] ?? found[0])?.address}.`,
  };
}

function composeCheck(r: VerifyServiceResult): AttestationCheck {
  const label = 'Compose hash matches the event log';
  if (r.teeVerifier !== 'dstack')
    return { id: 'compose', label, status: 'not run', detail: `Not automated for TEE verifier "${r.teeVerifier}".` };
  const details = Object.values(r.composeVerification?.details ?? {});
  if (details.length === 0)
    return { id: 'compose', label, status: 'not run', detail: 'The report has no tcb_info or event log to compare.' };
  const first = details.find((d) => d.calculatedHash !== d.eventLogHash || d.error) ?? details[0];
  if (r.composeVerification?.passed)
    return {
      id: 'compose',
      label,
      status: 'passed',
      detail: `sha256 of app_compose = ${first?.calculatedHash ?? '?'}.`,
    };
  return {
    id: 'compose',
    label,
    status: 'failed',
    detail:
      first?.error ?? `Calculated ${first?.calculatedHash ?? '?'}, event log has ${first?.eventLogHash ?? 'none'}.`,
  };
}

/**
 * Reads the SDK's result strictly. The SDK answers `success: true` even when a check failed, so
 * the overall result comes from the individual checks only.
 */
export function summarizeAttestation(r: VerifyServiceResult): AttestationSummary {
  const checks = [signerCheck(r), composeCheck(r)];
  const overall = checks.some((c) => c.status === 'failed')
    ? 'failed'
    : checks.every((c) => c.status === 'passed')
      ? 'passed'
      : 'incomplete';
  const steps = r.steps ?? [];
  const manualFrom = steps.findIndex((s) => s.type === 'step' && /Step 6/.test(s.message));
  const manualSteps =
    manualFrom < 0
      ? []
      : steps
          .slice(manualFrom)
          .map((s) => s.message.trim())
          .filter((line) => line.length > 0);
  return { checks, overall, manualSteps };
}
