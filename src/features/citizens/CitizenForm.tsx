import { useState, type FormEvent } from 'react';
import { FOCUS_AREAS, type FocusArea } from '../../domain';
import { useLocations } from '../../hooks/useLocations';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { validateCitizenForm, type CitizenFormErrors, type CitizenFormValues } from './citizenForm';

interface CitizenFormProps {
  initial: CitizenFormValues;
  /** Writes the citizen; resolves false when the write failed (the form keeps its values). */
  onSubmit: (values: CitizenFormValues) => Promise<boolean>;
  saveError: string | null;
  busy: boolean;
}

/** Identity, own goals and words, focus areas and usual places of a citizen. */
export function CitizenForm({ initial, onSubmit, saveError, busy }: CitizenFormProps) {
  const t = useT();
  const locations = useLocations() ?? [];
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<CitizenFormErrors>({});
  const set =
    <K extends keyof CitizenFormValues>(key: K) =>
    (value: CitizenFormValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const err = (key: keyof CitizenFormValues) => {
    const found = errors[key];
    return found ? t(found.key, found.params) : undefined;
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = validateCitizenForm(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    await onSubmit(values);
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="form">
      <fieldset>
        <legend>{t('citizens.form.identity')}</legend>
        <p className="field-hint">{t('citizens.form.identityHint')}</p>
        <div className="field-row">
          <TextField
            label={t('citizens.field.firstName')}
            value={values.firstName}
            onChange={set('firstName')}
            error={err('firstName')}
            autoComplete="off"
          />
          <TextField
            label={t('citizens.field.lastName')}
            value={values.lastName}
            onChange={set('lastName')}
            autoComplete="off"
          />
          <TextField
            label={t('citizens.field.alias')}
            value={values.alias}
            onChange={set('alias')}
            autoComplete="off"
          />
        </div>
        <div className="field-row">
          <TextField
            label={t('citizens.field.cpr')}
            value={values.cpr}
            onChange={set('cpr')}
            hint={t('citizens.field.cprHint')}
            error={err('cpr')}
            inputMode="numeric"
            autoComplete="off"
          />
          <TextField
            label={t('citizens.field.phone')}
            value={values.phone}
            onChange={set('phone')}
            error={err('phone')}
            type="tel"
            autoComplete="off"
          />
        </div>
      </fieldset>
      <TextAreaField
        label={t('citizens.field.ownGoals')}
        hint={t('citizens.field.ownGoalsHint')}
        value={values.ownGoals}
        onChange={set('ownGoals')}
      />
      <TextAreaField
        label={t('citizens.field.lifeStory')}
        value={values.lifeStory}
        onChange={set('lifeStory')}
      />
      <CheckboxGroup
        legend={t('citizens.field.focusAreas')}
        options={FOCUS_AREAS.map((f) => ({ value: f, label: t(`citizens.focus.${f}`) }))}
        selected={values.focusAreas}
        onChange={(s) => set('focusAreas')(s as FocusArea[])}
      />
      {locations.length > 0 && (
        <CheckboxGroup
          legend={t('citizens.field.usualLocations')}
          options={locations.map((l) => ({ value: l.id, label: l.name }))}
          selected={values.usualLocationIds}
          onChange={set('usualLocationIds')}
        />
      )}
      <TextField
        label={t('citizens.field.usualPlaceNote')}
        value={values.usualPlaceNote}
        onChange={set('usualPlaceNote')}
      />
      {Object.keys(errors).length > 0 && <Alert>{t('citizens.form.invalid')}</Alert>}
      {saveError && <Alert>{saveError}</Alert>}
      <button type="submit" className="primary" disabled={busy}>
        {t('citizens.form.save')}
      </button>
    </form>
  );
}
