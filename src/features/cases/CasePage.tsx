import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { casesRepo } from '../../db/cases';
import { citizenDisplayName, type Case } from '../../domain';
import { useAuditRead } from '../../hooks/useAuditRead';
import { useCase } from '../../hooks/useCases';
import { useCitizen } from '../../hooks/useCitizens';
import { useNotesOfCase } from '../../hooks/useNotes';
import { useT } from '../../i18n';
import { localDate } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { NoteList } from '../notes/NoteList';
import { AppPage } from '../shared/AppPage';
import { useSaveAction } from '../shared/useSaveAction';
import { ConflictList } from '../sync/ConflictList';
import { CaseForm } from './CaseForm';
import { CaseSummary } from './CasesSection';
import { useResponsibleOptions } from './useResponsibleOptions';

function CaseActions({ c }: { c: Case }) {
  const t = useT();
  const save = useSaveAction();
  const [editing, setEditing] = useState(false);
  const responsible = useResponsibleOptions([c.responsibleUserId]);
  const toggleStatus = () =>
    save.run((ctx) =>
      casesRepo.update(
        ctx,
        c.id,
        c.status === 'open'
          ? { status: 'closed', closedOn: localDate() }
          : { status: 'open', closedOn: undefined },
      ),
    );
  if (editing) {
    return (
      <CaseForm
        initial={{
          title: c.title,
          legalBasis: c.legalBasis,
          responsibleUserId: c.responsibleUserId,
          openedOn: c.openedOn,
        }}
        defaultResponsible={c.responsibleUserId}
        responsibleOptions={responsible.options}
        busy={save.busy}
        saveError={save.error}
        onCancel={() => setEditing(false)}
        onSubmit={async (v) => {
          const ok = await save.run((ctx) => casesRepo.update(ctx, c.id, v));
          if (ok) setEditing(false);
          return ok;
        }}
      />
    );
  }
  return (
    <div className="button-row">
      <button type="button" onClick={() => setEditing(true)}>
        {t('cases.edit')}
      </button>
      <button type="button" onClick={() => void toggleStatus()} disabled={save.busy}>
        {c.status === 'open' ? t('cases.close') : t('cases.reopen')}
      </button>
      {save.error && <Alert>{save.error}</Alert>}
    </div>
  );
}

/** /sager/:id: a case with its notes. */
export function CasePage() {
  const t = useT();
  const { id } = useParams<{ id: string }>();
  const c = useCase(id);
  useAuditRead('case', c?.id);
  const citizen = useCitizen(c?.citizenId);
  const notes = useNotesOfCase(id);
  if (c === undefined) return <p role="status">{t('common.loading')}</p>;
  if (c === null) {
    return (
      <AppPage screen="cases.notFound">
        <p>{t('cases.notFound')}</p>
      </AppPage>
    );
  }
  return (
    <AppPage screen="cases.screen" title={c.title}>
      {citizen && (
        <p>
          {t('cases.citizen')}:{' '}
          <Link href={`/borgere/${citizen.id}`}>{citizenDisplayName(citizen)}</Link>
        </p>
      )}
      <p className="case-summary">
        <CaseSummary c={c} />
      </p>
      <ConflictList entity="case" record={c} />
      <CaseActions key={c.updatedAt} c={c} />
      <section aria-labelledby="case-notes-heading" className="section">
        <h2 id="case-notes-heading">{t('cases.notes')}</h2>
        <Link href={`/notater/ny?borger=${c.citizenId}&sag=${c.id}`} className="button primary">
          {t('cases.writeNote')}
        </Link>
        {notes && notes.length === 0 && <p>{t('cases.noNotes')}</p>}
        {notes && <NoteList notes={notes} />}
      </section>
    </AppPage>
  );
}
