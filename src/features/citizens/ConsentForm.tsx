import { useState, type FormEvent } from 'react';
import type { Consent } from '../../domain';
import { useT } from '../../i18n';
import { localDate } from '../../i18n/format';
import { browserMemory } from '../../ui/browserMemory';
import { FieldMessages } from '../../ui/FieldMessages';
import { useFieldControl } from '../../ui/FieldShell';
import { FormActions } from '../../ui/FormActions';
import { TextField } from '../../ui/TextField';
import {
  consentFromForm,
  validateConsent,
  type ConsentFormErrors,
  type ConsentFormValues,
} from './consentForm';

interface ConsentFormProps {
  onSubmit: (consent: Consent) => Promise<boolean>;
  onCancel: () => void;
  saveError: string | null;
  busy: boolean;
}

/** Records a specific consent (retssikkerhedsloven § 11 a). */
export function ConsentForm({ onSubmit, onCancel, saveError, busy }: ConsentFormProps) {
  const t = useT();
  const [v, setV] = useState<ConsentFormValues>({
    informationKinds: '',
    parties: '',
    purpose: '',
    givenOn: localDate(),
    expiresOn: '',
    toldWhatRefusalMeans: false,
  });
  const [errors, setErrors] = useState<ConsentFormErrors>({});
  const set = (k: keyof ConsentFormValues) => (value: string) =>
    setV((s) => ({ ...s, [k]: value }));
  const err = (k: keyof ConsentFormValues) => (errors[k] ? t(errors[k]) : undefined);
  const told = useFieldControl(undefined, errors.toldWhatRefusalMeans);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = validateConsent(v);
    setErrors(found);
    if (Object.keys(found).length === 0) await onSubmit(consentFromForm(v));
  }

  return (
    <form className="form inline-form" onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        label={t('consents.field.informationKinds')}
        value={v.informationKinds}
        onChange={set('informationKinds')}
        error={err('informationKinds')}
      />
      <TextField
        label={t('consents.field.parties')}
        value={v.parties}
        onChange={set('parties')}
        error={err('parties')}
      />
      <TextField
        label={t('consents.field.purpose')}
        value={v.purpose}
        onChange={set('purpose')}
        error={err('purpose')}
      />
      <div className="field-row">
        <TextField
          type="date"
          label={t('consents.field.givenOn')}
          value={v.givenOn}
          onChange={set('givenOn')}
          error={err('givenOn')}
        />
        <TextField
          type="date"
          label={t('consents.field.expiresOn')}
          value={v.expiresOn}
          onChange={set('expiresOn')}
        />
      </div>
      <div className="checkbox">
        <input
          type="checkbox"
          {...told}
          {...browserMemory()}
          checked={v.toldWhatRefusalMeans}
          onChange={(e) => setV((s) => ({ ...s, toldWhatRefusalMeans: e.target.checked }))}
        />
        <label htmlFor={told.id}>{t('consents.field.told')}</label>
      </div>
      <FieldMessages id={told.id} error={err('toldWhatRefusalMeans')} />
      <FormActions
        error={saveError}
        busy={busy}
        saveLabel={t('consents.save')}
        onCancel={onCancel}
      />
    </form>
  );
}
