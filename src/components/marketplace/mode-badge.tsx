import { MODE_EXPLANATION, verificationMode } from '../../lib/verify/mode';
import { Badge } from '../ui/badge';

/** TeeML / TeeTLS / none, with what that mode proves (visible when `explain`, else as a tooltip). */
export function ModeBadge({ verifiability, explain = false }: { verifiability: string; explain?: boolean }) {
  const mode = verificationMode(verifiability);
  const badge = (
    <Badge tone={mode === 'none' ? 'neutral' : 'info'} title={MODE_EXPLANATION[mode]}>
      {mode === 'none' ? 'No TEE' : mode}
    </Badge>
  );
  if (!explain) return badge;
  return (
    <span className="flex flex-col items-start gap-1">
      {badge}
      <span className="text-xs text-zinc-600 dark:text-zinc-400">{MODE_EXPLANATION[mode]}</span>
    </span>
  );
}
