import { useState, type FormEvent } from 'react';
import { followUpsRepo } from '../../db/followUps';
import { citizenDisplayName, FollowUpFieldsSchema } from '../../domain';
import { useCasesOfCitizen } from '../../hooks/useCases';
import { useCitizens } from '../../hooks/useCitizens';
import { useT } from '../../i18n';
import { FormActions } from '../../ui/FormActions';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { useResponsibleOptions } from '../cases/useResponsibleOptions';
import { schemaFieldErrors, type FieldErrors } from '../shared/schemaErrors';
import { useSaveAction } from '../shared/useSaveAction';

interface Values {
  title: string;
  citizenId: string;
  caseId: string;
  dueOn: string;
  assigneeId: string;
}
type Errors = FieldErrors<keyof Values>;

/** The fields the form checks (the responsible caseworker always has a value). */
const CHECKED = ['title', 'citizenId', 'caseId', 'dueOn'] as const;

/** Creates a follow-up tied to a citizen (and optionally one of their cases). */
export function FollowUpForm({ citizenId, onDone }: { citizenId?: string; onDone: () => void }) {
  const t = useT();
  const save = useSaveAction();
  const citizens = useCitizens() ?? [];
  const responsible = useResponsibleOptions();
  const [v, setV] = useState<Values>({
    title: '',
    citizenId: citizenId ?? '',
    caseId: '',
    dueOn: '',
    assigneeId: responsible.defaultId,
  });
  const cases = useCasesOfCitizen(v.citizenId || undefined) ?? [];
  const [errors, setErrors] = useState<Errors>({});
  const set = (k: keyof Values) => (value: string) => setV((s) => ({ ...s, [k]: value }));
  const err = (k: keyof Values) => {
    const found = errors[k];
    return found ? t(found.key, found.params) : undefined;
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const fields = {
      title: v.title.trim(),
      citizenId: v.citizenId,
      ...(v.caseId ? { caseId: v.caseId } : {}),
      dueOn: v.dueOn,
    };
    const parsed = FollowUpFieldsSchema.pick({
      title: true,
      citizenId: true,
      caseId: true,
      dueOn: true,
    }).safeParse(fields);
    const found: Errors = parsed.success
      ? {}
      : schemaFieldErrors(parsed.error.issues, 'followUps', CHECKED);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const ok = await save.run((ctx) =>
      followUpsRepo.create(ctx, { ...fields, assigneeId: v.assigneeId || ctx.userId }),
    );
    if (ok) onDone();
  }

  return (
    <form className="form inline-form" onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        label={t('followUps.field.title')}
        value={v.title}
        onChange={set('title')}
        error={err('title')}
      />
      {!citizenId && (
        <SelectField
          label={t('followUps.field.citizen')}
          value={v.citizenId}
          onChange={(value) => setV((s) => ({ ...s, citizenId: value, caseId: '' }))}
          error={err('citizenId')}
          options={[
            { value: '', label: t('followUps.field.chooseCitizen') },
            ...citizens.map((c) => ({ value: c.id, label: citizenDisplayName(c) })),
          ]}
        />
      )}
      {cases.length > 0 && (
        <SelectField
          label={t('followUps.field.case')}
          value={v.caseId}
          onChange={set('caseId')}
          options={[
            { value: '', label: t('followUps.field.noCase') },
            ...cases.map((c) => ({ value: c.id, label: c.title })),
          ]}
        />
      )}
      <TextField
        type="date"
        label={t('followUps.field.dueOn')}
        value={v.dueOn}
        onChange={set('dueOn')}
        error={err('dueOn')}
      />
      <SelectField
        label={t('followUps.field.assignee')}
        value={v.assigneeId}
        onChange={set('assigneeId')}
        options={responsible.options}
      />
      <FormActions
        error={save.error}
        busy={save.busy}
        saveLabel={t('followUps.save')}
        onCancel={onDone}
      />
    </form>
  );
}
