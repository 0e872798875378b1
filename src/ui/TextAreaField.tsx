import type { TextareaHTMLAttributes } from 'react';
import { browserMemory } from './browserMemory';
import { FieldShell, type FieldProps } from './FieldShell';

type AreaProps = Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'onChange' | 'value' | 'id' | 'autoComplete'
>;

type TextAreaFieldProps = AreaProps & FieldProps;

/** A labelled multi-line text field with its hint and error tied to it. */
export function TextAreaField({
  label,
  value,
  onChange,
  hint,
  error,
  ...rest
}: TextAreaFieldProps) {
  return (
    <FieldShell label={label} hint={hint} error={error}>
      {(control) => (
        <textarea
          rows={4}
          {...rest}
          {...control}
          {...browserMemory()}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldShell>
  );
}
