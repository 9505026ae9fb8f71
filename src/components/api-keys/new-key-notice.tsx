import { SECRET_ENV } from '../../lib/snippets';
import { Button } from '../ui/button';
import { CopyButton } from '../ui/copy-button';
import type { ShownKey } from '../../hooks/api-keys/use-create-api-key';

const codeClass =
  'block min-w-0 flex-1 rounded-md bg-zinc-100 px-2 py-1.5 font-mono text-xs break-all dark:bg-zinc-800';

/** The key just made, shown this once: the secret, the snippets' env line, Copy, a plain warning and Hide. */
export function NewKeyNotice({ shown, onClose }: { shown: ShownKey; onClose: () => void }) {
  const { secret, record } = shown;
  const envLine = `export ${SECRET_ENV}=${secret}`;
  return (
    <section
      aria-label="New API key"
      className="flex flex-col gap-3 rounded-xl border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950/40"
    >
      <h3 className="font-medium">
        “{record.label}” (id {record.tokenId}) is ready. Copy it now: it is shown only this once.
      </h3>
      <p className="text-sm">
        This app keeps the key’s label, id and dates, never the key itself, so it cannot show it again. Whoever holds it
        can spend your sub-account with this provider until it expires or you revoke it: keep it out of code and
        repositories.
      </p>
      {!shown.remembered && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          This browser refused to remember the key’s details (storage full or blocked), so it will not appear in the
          list below. Note its id, {record.tokenId}, to revoke it later.
        </p>
      )}
      <div role="group" aria-label="API key" className="flex flex-wrap items-start gap-2">
        <code className={codeClass}>{secret}</code>
        <CopyButton value={secret} label="Copy the API key" variant="secondary" />
      </div>
      <p className="text-sm">
        The JavaScript, Python and cURL code below read it from <code className="font-mono">{SECRET_ENV}</code>: paste
        this line into the terminal you run them from.
      </p>
      <div role="group" aria-label={`${SECRET_ENV} line`} className="flex flex-wrap items-start gap-2">
        <code className={codeClass}>{envLine}</code>
        <CopyButton value={envLine} label={`Copy the ${SECRET_ENV} line`} variant="secondary" />
      </div>
      <div>
        <Button size="sm" onClick={onClose}>
          I have copied it: hide the key
        </Button>
      </div>
    </section>
  );
}
