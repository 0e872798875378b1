import { useMemo } from 'react';
import { browserMemory } from './browserMemory';
import { FieldShell, type FieldProps } from './FieldShell';

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps extends FieldProps {
  options: readonly Option[];
  required?: boolean;
  disabled?: boolean;
}

/** A labelled select with its hint and error tied to it. */
export function SelectField({
  label,
  value,
  options,
  onChange,
  hint,
  error,
  ...rest
}: SelectFieldProps) {
  // The same option elements while `options` is the same array: a list of thousands (the
  // note editor's citizens) is then not rebuilt on every keystroke elsewhere in the form.
  const items = useMemo(
    () =>
      options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      )),
    [options],
  );
  return (
    <FieldShell label={label} hint={hint} error={error}>
      {(control) => (
        <select
          {...rest}
          {...control}
          {...browserMemory()}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        >
          {items}
        </select>
      )}
    </FieldShell>
  );
}
