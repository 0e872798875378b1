import { useEffect, useRef, useState } from 'react';
import type { Visit } from '../../domain';
import { useSignedInSession } from '../../hooks/useSession';
import { useLocations } from '../../hooks/useLocations';
import { useActiveVisit, useVisitContacts } from '../../hooks/useVisits';
import { useT } from '../../i18n';
import { AppPage } from '../shared/AppPage';
import { useFormat } from '../shared/useFormat';
import { AnonymousContactForm } from './AnonymousContactForm';
import { EndVisitForm } from './EndVisitForm';
import { NamedContactPicker } from './NamedContactPicker';
import { StartVisitForm } from './StartVisitForm';
import { VisitContactsList } from './VisitContactsList';
import { VisitHistory } from './VisitHistory';
import { VisitSummaryView } from './VisitSummaryView';

/** The confirmation after ending a visit: said once (role="status") with what the visit was. */
function EndedVisit({ visit, place }: { visit: Visit; place: string }) {
  const t = useT();
  const f = useFormat();
  const contacts = useVisitContacts(visit.id);
  const heading = useRef<HTMLHeadingElement>(null);
  // The end button is gone: focus goes to what replaced it, not to the top of the document.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="ended-visit-heading" className="section ended-visit">
      <p role="status" className="status-message">
        {t('visits.end.done')}
      </p>
      <h2 id="ended-visit-heading" ref={heading} tabIndex={-1}>
        {t('visits.ended', {
          place,
          start: f.time(visit.startedAt),
          end: f.time(visit.endedAt ?? visit.startedAt),
        })}
      </h2>
      {contacts && (
        <VisitSummaryView
          visit={visit}
          contacts={contacts}
          now={visit.endedAt ?? visit.startedAt}
        />
      )}
    </section>
  );
}

/** /besoeg: start a visit, register contacts quickly during it, end it; earlier visits below. */
export function VisitPage() {
  const t = useT();
  const f = useFormat();
  const session = useSignedInSession();
  const visit = useActiveVisit(session?.user.id);
  const locations = useLocations() ?? [];
  const [ended, setEnded] = useState<Visit | null>(null);
  const placeOf = (id: string) => locations.find((l) => l.id === id)?.name ?? '';
  if (visit === undefined) return <p role="status">{t('common.loading')}</p>;
  if (visit === null) {
    return (
      <AppPage screen="visits.title">
        {ended && <EndedVisit visit={ended} place={placeOf(ended.locationId)} />}
        {session && <StartVisitForm userId={session.user.id} />}
        <VisitHistory locations={locations} />
      </AppPage>
    );
  }
  return (
    <AppPage
      screen="visits.title"
      title={t('visits.active', {
        place: placeOf(visit.locationId),
        time: f.time(visit.startedAt),
      })}
    >
      <div className="visit-grid">
        <AnonymousContactForm visit={visit} />
        <NamedContactPicker visit={visit} />
      </div>
      <VisitContactsList visit={visit} />
      <EndVisitForm visit={visit} onEnded={setEnded} />
    </AppPage>
  );
}
