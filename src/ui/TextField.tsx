import type { InputHTMLAttributes } from 'react';
import { browserMemory, type BrowserMemory } from './browserMemory';
import { FieldShell, type FieldProps } from './FieldShell';

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'onChange' | 'value' | 'id' | 'autoComplete'
>;

type TextFieldProps = InputProps &
  FieldProps & {
    /** Off (the browser keeps nothing) unless it is the caseworker's own sign-in field. */
    autoComplete?: BrowserMemory;
  };

/** A labelled input with its hint and error tied to it (aria-describedby, aria-invalid). */
export function TextField({
  label,
  value,
  onChange,
  hint,
  error,
  autoComplete,
  ...rest
}: TextFieldProps) {
  return (
    <FieldShell label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...rest}
          {...control}
          {...browserMemory(autoComplete)}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldShell>
  );
}
