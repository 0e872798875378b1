import { useState, type FormEvent } from 'react';
import { visitsRepo } from '../../db/visits';
import { nowIso } from '../../db/writeContext';
import type { Visit } from '../../domain';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { TextAreaField } from '../../ui/TextAreaField';
import { useSaveAction } from '../shared/useSaveAction';

/** Ends the visit with an optional summary; `onEnded` gets the visit as it was saved. */
export function EndVisitForm({
  visit,
  onEnded,
}: {
  visit: Visit;
  onEnded: (ended: Visit) => void;
}) {
  const t = useT();
  const save = useSaveAction();
  const [summary, setSummary] = useState(visit.summary);

  async function submit(e: FormEvent) {
    e.preventDefault();
    let ended: Visit | undefined;
    const ok = await save.run(async (ctx) => {
      ended = await visitsRepo.update(ctx, visit.id, { endedAt: nowIso(ctx), summary });
    });
    if (ok && ended) onEnded(ended);
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
