import { useState, type FormEvent } from 'react';
import { LEGAL_BASES, type LegalBasis } from '../../domain';
import { useT } from '../../i18n';
import { localDate } from '../../i18n/format';
import { FormActions } from '../../ui/FormActions';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';

export interface CaseFormValues {
  title: string;
  legalBasis: LegalBasis;
  responsibleUserId: string;
  openedOn: string;
}

interface CaseFormProps {
  initial?: Partial<CaseFormValues>;
  defaultResponsible: string;
  /** Caseworkers to choose from as responsible (ids with display names). */
  responsibleOptions: readonly { value: string; label: string }[];
  onSubmit: (values: CaseFormValues) => Promise<boolean>;
  onCancel: () => void;
  saveError: string | null;
  busy: boolean;
}

/** Create or edit a case: title, legal basis, responsible caseworker, opened on. */
export function CaseForm(props: CaseFormProps) {
  const t = useT();
  const [values, setValues] = useState<CaseFormValues>({
    title: '',
    legalBasis: 'sel-99',
    responsibleUserId: props.defaultResponsible,
    openedOn: localDate(),
    ...props.initial,
  });
  const [titleError, setTitleError] = useState<string | undefined>(undefined);
  const set =
    <K extends keyof CaseFormValues>(k: K) =>
    (v: CaseFormValues[K]) =>
      setValues((s) => ({ ...s, [k]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (values.title.trim() === '') {
      setTitleError(t('cases.error.titleRequired'));
      return;
    }
    setTitleError(undefined);
    await props.onSubmit({ ...values, title: values.title.trim() });
  }

  return (
    <form className="form inline-form" onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        label={t('cases.field.title')}
        value={values.title}
        onChange={set('title')}
        error={titleError}
      />
      <SelectField
        label={t('cases.field.legalBasis')}
        value={values.legalBasis}
        onChange={(v) => set('legalBasis')(v as LegalBasis)}
        options={LEGAL_BASES.map((b) => ({ value: b, label: t(`legal.${b}`) }))}
      />
      <SelectField
        label={t('cases.field.responsible')}
        value={values.responsibleUserId}
        onChange={set('responsibleUserId')}
        options={props.responsibleOptions}
      />
      <TextField
        type="date"
        label={t('cases.field.openedOn')}
        value={values.openedOn}
        onChange={set('openedOn')}
        required
      />
      <FormActions
        error={props.saveError}
        busy={props.busy}
        saveLabel={t('cases.save')}
        onCancel={props.onCancel}
      />
    </form>
  );
}
