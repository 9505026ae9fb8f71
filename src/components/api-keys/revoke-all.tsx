import { useState } from 'react';
import { Button } from '../ui/button';

/**
 * Revoke every token with the provider, after saying what it costs: every API key (this browser's and
 * any made elsewhere) and the app's own session token end, so the next chat asks for one signature.
 */
export function RevokeAll({
  busy,
  onConfirm,
  prominent,
}: {
  busy: boolean;
  onConfirm: () => void;
  prominent?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <Button size="sm" variant={prominent ? 'primary' : 'secondary'} disabled={busy} onClick={() => setAsking(true)}>
        Revoke all…
      </Button>
    );
  return (
    <div
      role="group"
      aria-label="Revoke all tokens"
      className="flex flex-col gap-2 rounded-lg border border-red-300 p-3 dark:border-red-900"
    >
      <p className="text-sm">
        This revokes every API key you made for this provider, here or anywhere else (the CLI too), and also ends this
        app’s own session token with it: your next chat or request to this provider asks the wallet for one signature.
        It is one transaction and frees all 255 key ids.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          variant="danger"
          disabled={busy}
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          Revoke all tokens
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setAsking(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
