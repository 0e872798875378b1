import { useState, type FormEvent } from 'react';
import { visitsRepo } from '../../db/visits';
import type { Visit } from '../../domain';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { TextAreaField } from '../../ui/TextAreaField';
import { useSaveAction } from '../shared/useSaveAction';

/** Ends the visit with an optional summary. */
export function EndVisitForm({ visit }: { visit: Visit }) {
  const t = useT();
  const save = useSaveAction();
  const [summary, setSummary] = useState(visit.summary);

  async function submit(e: FormEvent) {
    e.preventDefault();
    await save.run((ctx) =>
      visitsRepo.update(ctx, visit.id, { endedAt: new Date().toISOString(), summary }),
    );
  }

  return (
    <section aria-labelledby="end-visit-heading" className="section">
      <h2 id="end-visit-heading">{t('visits.end.heading')}</h2>
      <form onSubmit={(e) => void submit(e)} className="form">
        <TextAreaField
          label={t('visits.end.summary')}
          value={summary}
          onChange={setSummary}
          rows={3}
        />
        {save.error && <Alert>{save.error}</Alert>}
        <button type="submit" disabled={save.busy}>
          {t('visits.end.submit')}
        </button>
      </form>
    </section>
  );
}
