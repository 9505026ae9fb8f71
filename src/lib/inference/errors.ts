/** Why an inference request did not give a whole answer, in terms a person can act on. */
export type InferenceProblem =
  | { kind: 'rate-limited'; retryAfterS: number | null }
  | { kind: 'unauthorized' }
  | { kind: 'unfunded'; code: string }
  | { kind: 'http'; status: number; message: string }
  | { kind: 'network'; message: string }
  | { kind: 'timeout' }
  | { kind: 'cut' }
  | { kind: 'malformed' }
  | { kind: 'stopped'; because?: StopReason };

/** Why the app stopped an answer itself; without one, the user pressed Stop. */
export type StopReason = 'network-changed' | 'account-changed' | 'conversation-changed';

/** The stop reason an AbortController was aborted with, if it is one of ours. */
export function stopReason(signal: AbortSignal): StopReason | undefined {
  const r: unknown = signal.reason;
  return r === 'network-changed' || r === 'account-changed' || r === 'conversation-changed' ? r : undefined;
}

export class InferenceError extends Error {
  constructor(readonly problem: InferenceProblem) {
    super(problemSentence(problem));
  }
}

/** One sentence per problem, for the message bubble and toasts. */
export function problemSentence(p: InferenceProblem): string {
  switch (p.kind) {
    case 'rate-limited':
      return p.retryAfterS !== null && p.retryAfterS > 0
        ? `The provider is limiting your requests. Try again in ${p.retryAfterS} s.`
        : 'The provider is limiting your requests. Try again in a moment.';
    case 'unauthorized':
      return 'The provider refused the access token (expired or revoked). Sign a new one and resend.';
    case 'unfunded':
      return p.code === 'account_not_acknowledged'
        ? 'Your sub-account with this provider has not acknowledged its TEE signer. Acknowledge it on the Account page.'
        : 'Your sub-account with this provider is missing or too low. Fund it, then resend.';
    case 'http':
      return `The provider answered with an error (HTTP ${p.status}${p.message ? `: ${p.message}` : ''}).`;
    case 'network':
      return 'The provider could not be reached. Check the connection and resend.';
    case 'timeout':
      return 'The provider did not answer in time. Resend, or try another provider.';
    case 'cut':
      return 'The answer stopped before it was complete (the stream was cut). What arrived is kept.';
    case 'malformed':
      return 'The provider sent something that is not a valid answer chunk. What arrived before it is kept.';
    case 'stopped':
      switch (p.because) {
        case 'network-changed':
          return 'The network changed while the answer was arriving, so it was stopped. What arrived is kept.';
        case 'account-changed':
          return 'The wallet account changed while the answer was arriving, so it was stopped. What arrived is kept.';
        case 'conversation-changed':
          return 'Stopped when another conversation was opened. What arrived is kept.';
        default:
          return 'Stopped. What arrived is kept.';
      }
  }
}

/** Reads an HTTP error response of a provider into a problem. */
export async function problemFromResponse(res: Response): Promise<InferenceProblem> {
  let code = '';
  let message = '';
  try {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
    code = typeof body.error?.code === 'string' ? body.error.code : '';
    message = typeof body.error?.message === 'string' ? body.error.message.slice(0, 200) : '';
  } catch {
    // not JSON
  }
  if (res.status === 429) {
    // Number(null) and Number('') are 0: a missing or empty header must not read as "in 0 s".
    const header = res.headers.get('Retry-After')?.trim();
    const after = header ? Number(header) : NaN;
    return { kind: 'rate-limited', retryAfterS: Number.isFinite(after) && after >= 0 ? Math.ceil(after) : null };
  }
  if (res.status === 401) return { kind: 'unauthorized' };
  if (res.status === 402 || res.status === 403) return { kind: 'unfunded', code: code || String(res.status) };
  return { kind: 'http', status: res.status, message };
}
