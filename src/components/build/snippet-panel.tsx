import { SECRET_ENV, type Snippet, type SnippetTarget } from '../../lib/snippets';
import { CopyButton } from '../ui/copy-button';
import { CodeView } from './code-view';
import { DownloadProjectButton } from './download-project-button';

const CREDENTIAL: Record<string, string> = {
  PRIVATE_KEY: 'Reads the paying wallet’s private key from PRIVATE_KEY in the environment.',
  [SECRET_ENV]: `Reads an app-sk-… secret for this provider from ${SECRET_ENV} (see “The app-sk secret” above).`,
};

/** One snippet: its file name, what credential it reads, Copy (and Download for the SDK project), and the code. */
export function SnippetPanel({ snippet: s, target }: { snippet: Snippet; target: SnippetTarget }) {
  return (
    <div className="overflow-hidden rounded-xl border border-zinc-200 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-zinc-200 bg-white px-3 py-2 dark:border-zinc-800 dark:bg-zinc-900">
        <span className="font-mono text-sm">{s.filename}</span>
        <span className="text-xs text-zinc-600 dark:text-zinc-400">
          {s.credentialEnv
            ? CREDENTIAL[s.credentialEnv]
            : 'The CLI asks for your private key once (login) and keeps it out of your commands.'}
        </span>
        <span className="ml-auto flex items-center gap-2">
          {s.id === 'sdk' && <DownloadProjectButton target={target} />}
          <CopyButton value={s.code} label={`Copy the ${s.label} code`} variant="secondary" />
        </span>
      </div>
      <CodeView code={s.code} language={s.language} label={`${s.label} code`} />
    </div>
  );
}
