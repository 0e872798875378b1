import { useId } from 'react';
import { browserMemory } from './browserMemory';
import type { Option } from './SelectField';

interface CheckboxGroupProps {
  legend: string;
  options: readonly Option[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  /** Values shown but not changeable here (e.g. set by the identity provider). */
  locked?: readonly string[];
}

/** A fieldset of checkboxes, each its own labelled control. */
export function CheckboxGroup({
  legend,
  options,
  selected,
  onChange,
  locked = [],
}: CheckboxGroupProps) {
  const id = useId();
  const toggle = (value: string, checked: boolean) =>
    onChange(checked ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <fieldset className="checkbox-group">
      <legend>{legend}</legend>
      {options.map((o) => (
        <div className="checkbox" key={o.value}>
          <input
            type="checkbox"
            id={`${id}-${o.value}`}
            {...browserMemory()}
            checked={selected.includes(o.value)}
            disabled={locked.includes(o.value)}
            onChange={(e) => toggle(o.value, e.target.checked)}
          />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
