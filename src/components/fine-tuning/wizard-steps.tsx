import { cn } from '../../lib/cn';
import type { WizardStep } from '../../lib/fine-tuning/draft-store';

export const STEP_LABEL: Record<WizardStep, string> = {
  provider: 'Provider',
  model: 'Model',
  dataset: 'Dataset',
  params: 'Training parameters',
  cost: 'Cost and funding',
  create: 'Create',
};

/** The wizard's steps in order: the current one marked, the ones already reachable as buttons to go back to. */
export function WizardSteps({
  steps,
  current,
  reachable,
  onGo,
}: {
  steps: readonly WizardStep[];
  current: WizardStep;
  reachable: (step: WizardStep) => boolean;
  onGo: (step: WizardStep) => void;
}) {
  return (
    <ol aria-label="Wizard steps" className="flex flex-wrap gap-2 text-sm">
      {steps.map((s, i) => {
        const here = s === current;
        const label = `${i + 1}. ${STEP_LABEL[s]}`;
        return (
          <li key={s} aria-current={here ? 'step' : undefined}>
            {here || !reachable(s) ? (
              <span
                className={cn(
                  'inline-block rounded-full px-3 py-1',
                  here ? 'bg-violet-600 text-white' : 'text-zinc-500 dark:text-zinc-400',
                )}
              >
                {label}
              </span>
            ) : (
              <button
                type="button"
                onClick={() => onGo(s)}
                className="rounded-full border border-zinc-300 px-3 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
              >
                {label}
              </button>
            )}
          </li>
        );
      })}
    </ol>
  );
}
