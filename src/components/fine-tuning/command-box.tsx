import { CodeView } from '../build/code-view';
import { CopyButton } from '../ui/copy-button';

/** A shell command to run elsewhere: its name, a note, the command with bash colours, and Copy. */
export function CommandBox({ command, label, note }: { command: string; label: string; note?: string }) {
  return (
    <div className="min-w-0 overflow-hidden rounded-xl border border-zinc-200 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-zinc-200 bg-white px-3 py-2 dark:border-zinc-800 dark:bg-zinc-900">
        <span className="text-sm font-medium">{label}</span>
        {note && <span className="text-xs text-zinc-600 dark:text-zinc-400">{note}</span>}
        <CopyButton value={command} label="Copy command" variant="secondary" className="ml-auto" />
      </div>
      <CodeView code={command} language="bash" label={label} />
    </div>
  );
}
