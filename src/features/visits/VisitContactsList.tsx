import { Link } from 'wouter';
import { citizenDisplayName, type Visit } from '../../domain';
import { useCitizensByIds } from '../../hooks/useCitizens';
import { useVisitContacts } from '../../hooks/useVisits';
import { useT, useTCount } from '../../i18n';
import { useFormat } from '../shared/useFormat';

/** The running list of this visit's contacts with counts; named ones offer "Skriv notat". */
export function VisitContactsList({ visit }: { visit: Visit }) {
  const t = useT();
  const tc = useTCount();
  const f = useFormat();
  const contacts = useVisitContacts(visit.id) ?? [];
  const byId = useCitizensByIds(contacts.flatMap((c) => (c.citizenId ? [c.citizenId] : [])));
  const named = contacts.filter((c) => c.kind === 'named').length;
  return (
    <section aria-labelledby="visit-contacts-heading" className="section">
      <h2 id="visit-contacts-heading">{t('visits.contacts.heading')}</h2>
      <p role="status">
        {t('visits.contacts.counts', {
          total: tc('visits.contacts.total', contacts.length),
          named: tc('visits.contacts.named', named),
          anonymous: tc('visits.contacts.anonymousCount', contacts.length - named),
        })}
      </p>
      {contacts.length === 0 && <p>{t('visits.contacts.none')}</p>}
      <ul className="list">
        {contacts.map((c) => {
          const citizen = c.citizenId ? byId.get(c.citizenId) : undefined;
          const name = citizen ? citizenDisplayName(citizen) : undefined;
          const topics = c.topics.map((x) => t(`visits.topic.${x}`)).join(', ');
          return (
            <li key={c.id} className="list-row">
              <span className="list-row-title">
                <time dateTime={c.at}>{f.time(c.at)}</time> {name ?? t('visits.contacts.anonymous')}
              </span>
              {c.kind === 'anonymous' && (
                <span className="list-row-meta">
                  {[t(`visits.age.${c.ageGroup}`), t(`visits.gender.${c.gender}`), topics]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              )}
              {c.citizenId && (
                <Link
                  href={`/notater/ny?borger=${c.citizenId}&besoeg=${visit.id}&kontakt=${c.id}`}
                  className="button"
                  aria-label={name ? t('visits.contacts.writeNoteFor', { name }) : undefined}
                >
                  {t('visits.contacts.writeNote')}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
