import type { ReactNode } from 'react';
import type { UsageKind, VerdictBucket } from '../../lib/usage/records';
import { sharePercent, usageRunway, type ProviderUsage } from '../../lib/usage/summary';
import { og } from '../../lib/units';
import { SpendChart } from './spend-chart';

const VERDICT_LABEL: Record<VerdictBucket, string> = {
  verified: 'Verified',
  mismatch: 'Content mismatch',
  failed: 'Verification failed',
  'not-verifiable': 'Not verifiable',
  unchecked: 'Not checked',
};

const KIND_WORD: Record<UsageKind, [string, string]> = {
  chat: ['chat answer', 'chat answers'],
  image: ['picture', 'pictures'],
  transcript: ['transcript', 'transcripts'],
};

const NOTE = 'text-xs text-zinc-500 dark:text-zinc-400';

/** A term and its value, the note under the value (a dl's groups may hold only dt and dd). */
function Figure({ term, note, children }: { term: string; note?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className={NOTE}>{term}</dt>
      <dd className="text-sm">
        <span>{children}</span>
        {note && <span className={`block ${NOTE}`}>{note}</span>}
      </dd>
    </div>
  );
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** One provider's figures: answers and verdict shares, times, what was spent per day and how long the balance lasts. */
export function UsageFigures({ usage: u, usable }: { usage: ProviderUsage; usable: bigint | null }) {
  const kinds = (Object.keys(u.byKind) as UsageKind[]).filter((k) => u.byKind[k] > 0);
  const hasChat = u.byKind.chat > 0;
  const runway = usable === null ? null : usageRunway(u, usable);
  return (
    <div className="flex flex-col gap-4">
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <Figure
          term="Answers"
          note={
            kinds.length > 1
              ? kinds.map((k) => `${u.byKind[k]} ${KIND_WORD[k][u.byKind[k] === 1 ? 0 : 1]}`).join(', ')
              : undefined
          }
        >
          {u.answers}
        </Figure>
        {(['verified', 'mismatch', 'failed', 'not-verifiable'] as const).map((b) => (
          <Figure key={b} term={VERDICT_LABEL[b]}>
            {`${u.verdicts[b]} of ${u.answers}`}
            {u.answers > 0 && ` (${sharePercent(u.verdicts[b], u.answers)}%)`}
          </Figure>
        ))}
        {u.verdicts.unchecked > 0 && (
          <Figure
            term={VERDICT_LABEL.unchecked}
            note="The check was unavailable or interrupted, or the answer was imported."
          >
            {`${u.verdicts.unchecked} of ${u.answers} (${sharePercent(u.verdicts.unchecked, u.answers)}%)`}
          </Figure>
        )}
        {u.unanswered > 0 && (
          <Figure term="No answer" note="Refused, declined in the wallet, or an error before any answer.">
            {u.unanswered === 1 ? '1 request' : `${u.unanswered} requests`}
          </Figure>
        )}
        <Figure
          term="Median time to first token"
          note={hasChat ? 'From sending the request to the first text.' : undefined}
        >
          {u.medianFirstTokenMs !== null
            ? seconds(u.medianFirstTokenMs)
            : hasChat
              ? 'Not recorded for these answers'
              : 'Not recorded for pictures and transcripts'}
        </Figure>
        <Figure term="Median answer time" note="From Send to the last byte, the wallet's signature included.">
          {u.medianLatencyMs === null ? 'Not recorded' : seconds(u.medianLatencyMs)}
        </Figure>
        <Figure
          term="Tokens per second"
          note={hasChat ? 'Median output tokens per second of streaming, first token to last byte.' : undefined}
        >
          {u.tokensPerSecond !== null
            ? u.tokensPerSecond.toFixed(1)
            : hasChat
              ? 'Not recorded'
              : 'Not recorded for pictures and transcripts'}
        </Figure>
        <Figure term="Cost counted by the app" note="From the provider's token counts and prices, before settlement.">
          {u.costedAnswers > 0 ? `${og(u.recordedCost)} over ${u.costedAnswers}` : 'None recorded'}
        </Figure>
        <Figure term="Settled on chain" note="Providers settle fees in batches, so this lags the answers.">
          {u.settled > 0n ? og(u.settled) : 'Nothing settled yet'}
        </Figure>
        <Figure term="Runway at that rate">{runwayText(runway, u.dailyRate, usable)}</Figure>
      </dl>
      <div className="flex flex-col gap-1">
        <p className={NOTE}>
          0G settled per day, last {u.perDay.length} days
          {u.dailyRate !== null && `: ${og(u.dailyRate)} a day on average since the first`}
        </p>
        <SpendChart perDay={u.perDay} />
      </div>
    </div>
  );
}

function runwayText(runway: ReturnType<typeof usageRunway> | null, rate: bigint | null, usable: bigint | null): string {
  if (usable === null) return 'No sub-account with this provider';
  const parts = [
    runway?.days != null && rate !== null ? `about ${runway.days} days at ${og(rate)} a day` : null,
    runway?.answers != null ? `about ${runway.answers} answers at your average cost` : null,
  ].filter((p) => p !== null);
  return parts.length ? `${parts.join('; ')} (${og(usable)} left)` : `No rate yet (${og(usable)} left)`;
}
