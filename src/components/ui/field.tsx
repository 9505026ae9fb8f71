import { useId, type ReactNode } from 'react';
import { cn } from '../../lib/cn';

/** What Field hands its control: spread it onto the one input, select or textarea it labels. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FieldProps {
  label: ReactNode;
  /** The rule or where a value comes from; read with the control. */
  hint?: ReactNode;
  /** Shown, announced and read with the control; marks it invalid. */
  error?: ReactNode;
  /** Keeps the label for screen readers only, when the layout names the control some other way. */
  hideLabel?: boolean;
  className?: string;
  labelClassName?: string;
  /** Renders the control (and anything around it, e.g. a unit or buttons) with the wiring to spread on it. */
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * A label, its control, an optional hint and an optional error. The label names the control
 * (`htmlFor`), the error and the hint describe it (`aria-describedby`, error first), and an error
 * sets `aria-invalid`. The error's container is always there, so a new error is announced.
 */
export function Field({ label, hint, error, hideLabel, className, labelClassName, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const failed = Boolean(error);
  const describedBy = [failed && errorId, Boolean(hint) && hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cn('flex min-w-0 flex-col gap-1', className)}>
      <label htmlFor={id} className={cn('text-sm font-medium', hideLabel && 'sr-only', labelClassName)}>
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': failed ? true : undefined })}
      <div id={errorId} aria-live="polite" className="text-sm text-red-700 empty:hidden dark:text-red-400">
        {failed ? error : null}
      </div>
      {hint && (
        <div id={hintId} className="text-sm text-zinc-600 dark:text-zinc-400">
          {hint}
        </div>
      )}
    </div>
  );
}
