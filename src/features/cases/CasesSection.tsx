import { useState } from 'react';
import { Link } from 'wouter';
import { casesRepo } from '../../db/cases';
import type { Case } from '../../domain';
import { useCasesOfCitizen } from '../../hooks/useCases';
import { useT } from '../../i18n';
import { useFormat } from '../shared/useFormat';
import { useSaveAction } from '../shared/useSaveAction';
import { useUserName } from '../../hooks/useUserName';
import { CaseForm } from './CaseForm';
import { useResponsibleOptions } from './useResponsibleOptions';

export function CaseSummary({ c }: { c: Case }) {
  const t = useT();
  const f = useFormat();
  const userName = useUserName();
  return (
    <>
      <span className="list-row-meta">
        {t('cases.summary', {
          basis: t(`legal.${c.legalBasis}`),
          status: t(`cases.status.${c.status}`),
          responsible: userName(c.responsibleUserId),
        })}
      </span>
      <span className="list-row-meta">
        {c.closedOn
          ? t('cases.datesClosed', { opened: f.date(c.openedOn), closed: f.date(c.closedOn) })
          : t('cases.dates', { opened: f.date(c.openedOn) })}
      </span>
    </>
  );
}

/** The citizen page's list of cases, with "Ny sag". */
export function CasesSection({ citizenId }: { citizenId: string }) {
  const t = useT();
  const cases = useCasesOfCitizen(citizenId);
  const [adding, setAdding] = useState(false);
  const save = useSaveAction();
  const responsible = useResponsibleOptions(cases?.map((c) => c.responsibleUserId));
  return (
    <section aria-labelledby="cases-heading" className="section">
      <h2 id="cases-heading">{t('cases.title')}</h2>
      {cases && cases.length === 0 && <p>{t('cases.none')}</p>}
      <ul className="list">
        {cases?.map((c) => (
          <li key={c.id} className="list-row">
            <Link href={`/sager/${c.id}`} className="list-row-title">
              {c.title}
            </Link>
            <CaseSummary c={c} />
          </li>
        ))}
      </ul>
      {adding ? (
        <CaseForm
          defaultResponsible={responsible.defaultId}
          responsibleOptions={responsible.options}
          busy={save.busy}
          saveError={save.error}
          onCancel={() => setAdding(false)}
          onSubmit={async (v) => {
            const ok = await save.run((ctx) =>
              casesRepo.create(ctx, { ...v, citizenId, status: 'open' }),
            );
            if (ok) setAdding(false);
            return ok;
          }}
        />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          {t('cases.new')}
        </button>
      )}
    </section>
  );
}
