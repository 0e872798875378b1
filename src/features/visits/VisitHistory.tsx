import { useState } from 'react';
import { format, parseISO } from 'date-fns';
import type { Location, Visit } from '../../domain';
import { useEndedVisits, useVisitContacts } from '../../hooks/useVisits';
import { useUserName } from '../../hooks/useUserName';
import { useT } from '../../i18n';
import { SelectField } from '../../ui/SelectField';
import { useFormat } from '../shared/useFormat';
import { ContactRows } from './VisitContactsList';
import { VisitSummaryView } from './VisitSummaryView';

/** How many ended visits the history shows: a few weeks of shifts. */
const HISTORY_SIZE = 40;

function HistoryItem({ visit, place }: { visit: Visit; place: string }) {
  const t = useT();
  const f = useFormat();
  const userName = useUserName();
  const contacts = useVisitContacts(visit.id) ?? [];
  const end = visit.endedAt ?? visit.startedAt;
  return (
    <li className="visit-history-item">
      <details>
        <summary>
          {t('visits.history.item', {
            place,
            start: f.time(visit.startedAt),
            end: f.time(end),
            by: userName(visit.userId),
          })}
        </summary>
        <VisitSummaryView visit={visit} contacts={contacts} now={end} />
        <h4>{t('visits.history.contactsOf')}</h4>
        {contacts.length === 0 ? (
          <p>{t('visits.contacts.none')}</p>
        ) : (
          <ContactRows visit={visit} contacts={contacts} editable={false} />
        )}
      </details>
    </li>
  );
}

/** Ended visits by date (local calendar day), each with its summary and contacts. */
export function VisitHistory({ locations }: { locations: readonly Location[] }) {
  const t = useT();
  const f = useFormat();
  const [locationId, setLocationId] = useState('');
  const visits = useEndedVisits(HISTORY_SIZE, locationId || undefined);
  const byDay = new Map<string, Visit[]>();
  for (const v of visits ?? []) {
    const day = format(parseISO(v.startedAt), 'yyyy-MM-dd');
    byDay.set(day, [...(byDay.get(day) ?? []), v]);
  }
  const placeOf = (id: string) => locations.find((l) => l.id === id)?.name ?? '';
  return (
    <section aria-labelledby="visit-history-heading" className="section">
      <h2 id="visit-history-heading">{t('visits.history.heading')}</h2>
      <SelectField
        label={t('visits.history.location')}
        value={locationId}
        onChange={setLocationId}
        options={[
          { value: '', label: t('visits.history.allLocations') },
          ...locations.map((l) => ({ value: l.id, label: l.name })),
        ]}
      />
      {visits === undefined ? (
        <p role="status">{t('common.loading')}</p>
      ) : visits.length === 0 ? (
        <p>{t('visits.history.none')}</p>
      ) : (
        [...byDay].map(([day, list]) => (
          <section key={day} aria-labelledby={`visit-day-${day}`}>
            <h3 id={`visit-day-${day}`}>{f.date(day)}</h3>
            <ul className="list">
              {list.map((v) => (
                <HistoryItem key={v.id} visit={v} place={placeOf(v.locationId)} />
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}
