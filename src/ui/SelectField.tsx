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
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
