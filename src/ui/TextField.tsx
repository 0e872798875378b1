import type { InputHTMLAttributes } from 'react';
import { FieldShell, type FieldProps } from './FieldShell';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'>;

type TextFieldProps = InputProps & FieldProps;

/** A labelled input with its hint and error tied to it (aria-describedby, aria-invalid). */
export function TextField({ label, value, onChange, hint, error, ...rest }: TextFieldProps) {
  return (
    <FieldShell label={label} hint={hint} error={error}>
      {(control) => (
        <input {...rest} {...control} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </FieldShell>
  );
}
