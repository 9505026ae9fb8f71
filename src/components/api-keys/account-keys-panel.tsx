import { Link } from 'react-router';
import { paths } from '../../config/routes';
import { KEY_STATE_LABEL, type KeyState } from '../../lib/api-keys/key-state';
import { shortAddress } from '../../lib/format';
import { useKeysByProvider } from '../../hooks/api-keys/use-api-keys';
import { Panel } from '../ui/panel';

const ORDER: KeyState[] = ['active', 'expired', 'revoked', 'void'];

/** The Account page's compact list: each provider this browser made keys for, with how many are in each state. */
export function AccountKeysPanel() {
  const providers = useKeysByProvider();
  return (
    <Panel title="API keys">
      {providers.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No API keys made in this browser on this network. Make one on a provider’s Build page.
        </p>
      ) : (
        <ul aria-label="Providers with API keys" className="flex flex-col gap-2">
          {providers.map((p) => (
            <li
              key={p.provider}
              aria-label={`API keys with ${p.provider}`}
              className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm"
            >
              <span className="font-mono" title={p.provider}>
                {shortAddress(p.provider)}
              </span>
              <span className="text-zinc-600 dark:text-zinc-400">
                {p.error
                  ? 'State could not be read from the chain.'
                  : p.loading
                    ? 'Reading the chain…'
                    : ORDER.filter((s) => p.counts[s] > 0)
                        .map((s) => `${p.counts[s]} ${KEY_STATE_LABEL[s].toLowerCase()}`)
                        .join(', ') || `${p.total} key${p.total === 1 ? '' : 's'} (no sub-account now)`}
              </span>
              <Link to={paths.build(p.provider)} className="ml-auto text-violet-700 underline dark:text-violet-300">
                Manage keys for {shortAddress(p.provider)}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">
        Only keys made in this browser are listed; keys made with the CLI or elsewhere are invisible here.
      </p>
    </Panel>
  );
}
