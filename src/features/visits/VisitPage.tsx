import { useSignedInSession } from '../../hooks/useSession';
import { useLocations } from '../../hooks/useLocations';
import { useActiveVisit } from '../../hooks/useVisits';
import { useT } from '../../i18n';
import { AppPage } from '../shared/AppPage';
import { useFormat } from '../shared/useFormat';
import { AnonymousContactForm } from './AnonymousContactForm';
import { EndVisitForm } from './EndVisitForm';
import { NamedContactPicker } from './NamedContactPicker';
import { StartVisitForm } from './StartVisitForm';
import { VisitContactsList } from './VisitContactsList';

/** /besoeg: start a visit, register contacts quickly during it, end it. */
export function VisitPage() {
  const t = useT();
  const f = useFormat();
  const session = useSignedInSession();
  const visit = useActiveVisit(session?.user.id);
  const locations = useLocations() ?? [];
  if (visit === undefined) return <p role="status">{t('common.loading')}</p>;
  if (visit === null) {
    return (
      <AppPage screen="visits.title">
        {session && <StartVisitForm userId={session.user.id} />}
      </AppPage>
    );
  }
  const place = locations.find((l) => l.id === visit.locationId)?.name ?? '';
  return (
    <AppPage
      screen="visits.title"
      title={t('visits.active', { place, time: f.time(visit.startedAt) })}
    >
      <div className="visit-grid">
        <AnonymousContactForm visit={visit} />
        <NamedContactPicker visit={visit} />
      </div>
      <VisitContactsList visit={visit} />
      <EndVisitForm visit={visit} />
    </AppPage>
  );
}
