import { useState, type FormEvent } from 'react';
import { notesRepo } from '../../db/notes';
import type { Note } from '../../domain';
import { useT } from '../../i18n';
import { FormActions } from '../../ui/FormActions';
import { TextAreaField } from '../../ui/TextAreaField';
import { useSaveAction } from '../shared/useSaveAction';

/** "Ret notat": writes a new final note that points to the original; both stay visible. */
export function CorrectionForm({ original, onDone }: { original: Note; onDone: () => void }) {
  const t = useT();
  const save = useSaveAction();
  const [body, setBody] = useState(original.body);
  const [error, setError] = useState<string | undefined>(undefined);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (body.trim() === '') {
      setError(t('notes.error.bodyRequired'));
      return;
    }
    setError(undefined);
    if (await save.run((ctx) => notesRepo.correct(ctx, original, body))) onDone();
  }

  return (
    <form className="correction-form" onSubmit={(e) => void submit(e)} noValidate>
      <TextAreaField
        label={t('notes.correction.label')}
        hint={t('notes.correction.hint')}
        value={body}
        onChange={setBody}
        error={error}
        rows={5}
      />
      <FormActions
        error={save.error}
        busy={save.busy}
        saveLabel={t('notes.correction.save')}
        onCancel={onDone}
      />
    </form>
  );
}
