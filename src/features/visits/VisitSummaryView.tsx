import { summarizeVisit, type Contact, type Visit } from '../../domain';
import { useT, useTCount } from '../../i18n';

/** "2 timer og 35 minutter", "1 time", "42 minutter". */
export function useDuration(): (minutes: number) => string {
  const t = useT();
  const tc = useTCount();
  return (total) => {
    const hours = Math.floor(total / 60);
    const minutes = total % 60;
    if (hours === 0) return tc('visits.duration.minutes', minutes);
    if (minutes === 0) return tc('visits.duration.hours', hours);
    return t('visits.duration.both', {
      hours: tc('visits.duration.hours', hours),
      minutes: tc('visits.duration.minutes', minutes),
    });
  };
}

/** Contacts (named/anonymous), topics, duration and the closing note of a visit. */
export function VisitSummaryView({
  visit,
  contacts,
  now,
}: {
  visit: Visit;
  contacts: readonly Contact[];
  now: string;
}) {
  const t = useT();
  const tc = useTCount();
  const duration = useDuration();
  const s = summarizeVisit(visit, contacts, now);
  return (
    <dl className="details visit-summary">
      <dt>{t('visits.summary.contacts')}</dt>
      <dd>
        {t('visits.contacts.counts', {
          total: tc('visits.contacts.total', s.total),
          named: tc('visits.contacts.named', s.named),
          anonymous: tc('visits.contacts.anonymousCount', s.anonymous),
        })}
      </dd>
      <dt>{t('visits.summary.topics')}</dt>
      <dd>
        {s.topics.length === 0
          ? t('visits.summary.noTopics')
          : s.topics
              .map(({ topic, count }) =>
                t('visits.summary.topic', { topic: t(`visits.topic.${topic}`), count }),
              )
              .join(', ')}
      </dd>
      <dt>{t('visits.summary.duration')}</dt>
      <dd>{duration(s.minutes)}</dd>
      {visit.summary.trim() !== '' && (
        <>
          <dt>{t('visits.summary.note')}</dt>
          <dd>{visit.summary}</dd>
        </>
      )}
    </dl>
  );
}
