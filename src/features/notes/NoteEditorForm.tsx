import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { NOTE_CATEGORIES, citizenDisplayName, type NoteCategory } from '../../domain';
import { useCasesOfCitizen } from '../../hooks/useCases';
import { useCitizens } from '../../hooks/useCitizens';
import type { DraftAutosave } from '../../hooks/useDraftAutosave';
import { useT } from '../../i18n';
import { formatTime } from '../../i18n/format';
import { markBusy, unmarkBusy } from '../../pwa/busyRegistry';
import { Alert, StatusMessage } from '../../ui/Alert';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { errorText } from '../shared/errorText';
import { validateNoteForm, type NoteFormErrors, type NoteFormValues } from './noteForm';

export type NoteSaveKind = 'draft' | 'final';

interface NoteEditorFormProps {
  initial: NoteFormValues;
  autosave: DraftAutosave<NoteFormValues>;
  /** The citizen is fixed when the editor was opened for one. */
  citizenFixed: boolean;
  placeName: string | undefined;
  onSave: (values: NoteFormValues, kind: NoteSaveKind) => Promise<boolean>;
  saveError: string | null;
  busy: boolean;
}

/** The journal note editor: what is typed is autosaved locally (sealed) within half a second. */
export function NoteEditorForm(props: NoteEditorFormProps) {
  const t = useT();
  const { autosave } = props;
  const [values, setValues] = useState(props.initial);
  const [errors, setErrors] = useState<NoteFormErrors>({});
  const citizens = useCitizens();
  const citizenOptions = useMemo(
    () => [
      { value: '', label: t('notes.field.chooseCitizen') },
      ...(citizens ?? []).map((c) => ({ value: c.id, label: citizenDisplayName(c) })),
    ],
    [citizens, t],
  );
  const cases = useCasesOfCitizen(values.citizenId || undefined) ?? [];
  const err = (k: keyof NoteFormErrors) => (errors[k] ? t(errors[k]) : undefined);

  useEffect(() => {
    // Tells the update prompt that a note is being written, so no reload interrupts it.
    markBusy('note-editor');
    return () => unmarkBusy('note-editor');
  }, []);

  function change<K extends keyof NoteFormValues>(key: K, value: NoteFormValues[K]) {
    const next = { ...values, [key]: value };
    setValues(next);
    autosave.schedule(next);
  }

  async function save(e: FormEvent, kind: NoteSaveKind) {
    e.preventDefault();
    const found = validateNoteForm(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    await props.onSave(values, kind);
  }

  return (
    <form className="form" onSubmit={(e) => void save(e, 'final')} noValidate>
      {!props.citizenFixed && (
        <SelectField
          label={t('notes.field.citizen')}
          value={values.citizenId}
          onChange={(v) => change('citizenId', v)}
          error={err('citizenId')}
          options={citizenOptions}
        />
      )}
      {props.placeName && <p>{t('notes.place', { place: props.placeName })}</p>}
      {/* The note itself right after the citizen: the date field is five tab stops in Chromium. */}
      <TextAreaField
        label={t('notes.field.body')}
        value={values.body}
        onChange={(v) => change('body', v)}
        error={err('body')}
        rows={10}
      />
      <StatusMessage>
        {autosave.savedAt ? t('notes.autosaved', { time: formatTime(autosave.savedAt) }) : ''}
      </StatusMessage>
      <div className="field-row">
        <SelectField
          label={t('notes.field.category')}
          value={values.category}
          onChange={(v) => change('category', v as NoteCategory)}
          options={NOTE_CATEGORIES.map((c) => ({ value: c, label: t(`notes.category.${c}`) }))}
        />
        {cases.length > 0 && (
          <SelectField
            label={t('notes.field.case')}
            value={values.caseId}
            onChange={(v) => change('caseId', v)}
            options={[
              { value: '', label: t('notes.field.noCase') },
              ...cases.map((c) => ({ value: c.id, label: c.title })),
            ]}
          />
        )}
        <TextField
          type="datetime-local"
          label={t('notes.field.occurredAt')}
          hint={t('notes.field.occurredAtHint')}
          value={values.occurredAt}
          onChange={(v) => change('occurredAt', v)}
          error={err('occurredAt')}
        />
      </div>
      {autosave.error && <Alert>{errorText(t, autosave.error)}</Alert>}
      {props.saveError && <Alert>{props.saveError}</Alert>}
      <div className="button-row">
        <button type="button" disabled={props.busy} onClick={(e) => void save(e, 'draft')}>
          {t('notes.saveDraft')}
        </button>
        <button type="submit" className="primary" disabled={props.busy}>
          {t('notes.saveFinal')}
        </button>
      </div>
    </form>
  );
}
