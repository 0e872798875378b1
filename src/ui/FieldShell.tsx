import { useId, type ReactNode } from 'react';
import { describedBy } from './fieldIds';
import { FieldMessages } from './FieldMessages';

/** The props every labelled single-value field takes. */
export interface FieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
}

/** The attributes that tie a control to its label, hint and error. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** A unique control id plus aria-invalid and aria-describedby pointing at its hint and error. */
export function useFieldControl(hint: unknown, error: unknown): FieldControlProps {
  const id = useId();
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
  };
}

interface FieldShellProps {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Renders the control; spread the given props onto it last so they win. */
  children: (control: FieldControlProps) => ReactNode;
}

/** The label, hint and error around one control, tied to it for screen readers. */
export function FieldShell({ label, hint, error, children }: FieldShellProps) {
  const control = useFieldControl(hint, error);
  return (
    <div className="field">
      <label htmlFor={control.id}>{label}</label>
      <FieldMessages id={control.id} hint={hint} error={error} />
      {children(control)}
    </div>
  );
}
