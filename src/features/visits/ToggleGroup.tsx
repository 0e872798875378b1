import { ToggleButton } from '../../ui/ToggleButton';

/** One row of tap-to-choose buttons under a legend (age group, gender, topics of a contact). */
export function ToggleGroup<V extends string>({
  legend,
  values,
  label,
  pressed,
  onToggle,
}: {
  legend: string;
  values: readonly V[];
  label: (value: V) => string;
  pressed: (value: V) => boolean;
  onToggle: (value: V) => void;
}) {
  return (
    <fieldset className="toggles">
      <legend>{legend}</legend>
      {values.map((v) => (
        <ToggleButton key={v} pressed={pressed(v)} onToggle={() => onToggle(v)}>
          {label(v)}
        </ToggleButton>
      ))}
    </fieldset>
  );
}
