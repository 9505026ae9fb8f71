import { KEY_STATE_LABEL, type KeyRecord, type KeyState } from '../../lib/api-keys/key-state';
import { forgetKey } from '../../lib/api-keys/key-store';
import { absoluteTime } from '../../lib/format';
import type { KeyRow } from '../../hooks/api-keys/use-api-keys';
import { Badge, type BadgeTone } from '../ui/badge';
import { Button } from '../ui/button';

const TONE: Record<KeyState, BadgeTone> = { active: 'good', expired: 'warn', revoked: 'bad', void: 'neutral' };

const when = (ms: number) => absoluteTime(Math.floor(ms / 1000));

/** The keys this browser made for a provider, each with its state from the chain and its one action. */
export function KeyList({
  rows,
  busy,
  onRevoke,
}: {
  rows: KeyRow[];
  busy: boolean;
  onRevoke: (key: KeyRecord) => void;
}) {
  if (rows.length === 0)
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">No API keys made in this browser for it yet.</p>;
  return (
    <ul aria-label="API keys" className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800">
      {rows.map(({ record: k, state }) => (
        <li
          key={`${k.generation}:${k.tokenId}:${k.createdAt}`}
          aria-label={`API key ${k.label}`}
          className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2"
        >
          <span className="min-w-0 font-medium break-words">{k.label}</span>
          <Badge tone={TONE[state]}>{KEY_STATE_LABEL[state]}</Badge>
          <span className="text-sm text-zinc-600 dark:text-zinc-400">
            id {k.tokenId} · made {when(k.createdAt)} ·{' '}
            {k.expiresAt === 0 ? 'never expires' : `expires ${when(k.expiresAt)}`}
          </span>
          <span className="ml-auto">
            {state === 'active' ? (
              <Button size="sm" variant="secondary" disabled={busy} onClick={() => onRevoke(k)}>
                Revoke
              </Button>
            ) : (
              <Button
                size="sm"
                variant="ghost"
                onClick={() => forgetKey(k)}
                aria-label={`Remove ${k.label} from this list`}
              >
                Remove from list
              </Button>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
