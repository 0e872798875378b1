import {
  AGE_GROUPS,
  CONTACT_TOPICS,
  GENDERS,
  type AgeGroup,
  type ContactTopic,
  type Gender,
} from '../../domain';
import { useT } from '../../i18n';
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

/** A contact's age group, gender and topics, as the anonymous-contact and correction forms ask. */
export function AgeGroupToggles({
  value,
  onChange,
}: {
  value: AgeGroup;
  onChange: (v: AgeGroup) => void;
}) {
  const t = useT();
  return (
    <ToggleGroup
      legend={t('visits.anon.age')}
      values={AGE_GROUPS}
      label={(a) => t(`visits.age.${a}`)}
      pressed={(a) => value === a}
      onToggle={onChange}
    />
  );
}

export function GenderToggles({
  value,
  onChange,
}: {
  value: Gender;
  onChange: (v: Gender) => void;
}) {
  const t = useT();
  return (
    <ToggleGroup
      legend={t('visits.anon.gender')}
      values={GENDERS}
      label={(g) => t(`visits.gender.${g}`)}
      pressed={(g) => value === g}
      onToggle={onChange}
    />
  );
}

/** Topics are several: a tap adds or removes one. */
export function TopicToggles({
  value,
  onChange,
}: {
  value: readonly ContactTopic[];
  onChange: (v: ContactTopic[]) => void;
}) {
  const t = useT();
  return (
    <ToggleGroup
      legend={t('visits.anon.topics')}
      values={CONTACT_TOPICS}
      label={(c) => t(`visits.topic.${c}`)}
      pressed={(c) => value.includes(c)}
      onToggle={(c) => onChange(value.includes(c) ? value.filter((x) => x !== c) : [...value, c])}
    />
  );
}
