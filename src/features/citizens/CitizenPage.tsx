import { Suspense } from 'react';
import { Link, useParams } from 'wouter';
import { lazyNamed } from '../../app/lazyNamed';
import { citizenDisplayName } from '../../domain';
import { useAuditRead } from '../../hooks/useAuditRead';
import { useCitizen } from '../../hooks/useCitizens';
import { useT } from '../../i18n';
import { MoveCitizenSection } from '../admin/MoveCitizenSection';
import { CasesSection } from '../cases/CasesSection';
import { CitizenFollowUps } from '../followups/CitizenFollowUps';
import { HandoverSection } from '../notes/HandoverSection';
import { PrintSection } from '../print/PrintSection';
import { Timeline } from '../notes/Timeline';
import { AppPage } from '../shared/AppPage';
import { ConflictList } from '../sync/ConflictList';
import { CitizenDetails } from './CitizenDetails';
import { ConsentsSection } from './ConsentsSection';
import { EraseCitizenSection } from './EraseCitizenSection';

// For leads and administrators only, online only: loaded when a citizen page first shows it.
const CitizenAccessLog = lazyNamed(() => import('../audit/CitizenAccessLog'), 'CitizenAccessLog');
const AccessRequestSection = lazyNamed(
  () => import('../audit/AccessRequestSection'),
  'AccessRequestSection',
);

/** /borgere/:id: who the citizen is, their cases, consents, follow-ups and ONE timeline. */
export function CitizenPage() {
  const t = useT();
  const { id } = useParams<{ id: string }>();
  const citizen = useCitizen(id);
  useAuditRead('citizen', citizen?.id);
  if (citizen === undefined) return <p role="status">{t('common.loading')}</p>;
  if (citizen === null) {
    return (
      <AppPage screen="citizens.notFound">
        <p>{t('citizens.notFound')}</p>
      </AppPage>
    );
  }
  return (
    <AppPage
      screen="citizens.screen"
      title={citizenDisplayName(citizen)}
      actions={
        <>
          <Link href={`/notater/ny?borger=${citizen.id}`} className="button primary">
            {t('citizens.page.writeNote')}
          </Link>
          <Link href={`/borgere/${citizen.id}/rediger`} className="button">
            {t('common.edit')}
          </Link>
        </>
      }
    >
      <ConflictList entity="citizen" record={citizen} />
      <CitizenDetails citizen={citizen} />
      <CasesSection citizenId={citizen.id} />
      <CitizenFollowUps citizenId={citizen.id} />
      <ConsentsSection citizen={citizen} />
      <section aria-labelledby="timeline-heading" className="section">
        <h2 id="timeline-heading">{t('citizens.page.timeline')}</h2>
        <Timeline citizenId={citizen.id} />
      </section>
      <HandoverSection citizen={citizen} />
      <PrintSection citizen={citizen} />
      <Suspense fallback={null}>
        <CitizenAccessLog citizenId={citizen.id} />
        <AccessRequestSection citizenId={citizen.id} />
      </Suspense>
      <MoveCitizenSection citizenId={citizen.id} teamId={citizen.teamId} />
      <EraseCitizenSection citizen={citizen} />
    </AppPage>
  );
}
