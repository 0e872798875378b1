import { Link } from 'wouter';
import { citizenDisplayName } from '../../domain';
import { useSignedInSession } from '../../hooks/useSession';
import { useToday } from '../../hooks/useToday';
import { useTodayOverview, type TodayOverview } from '../../hooks/useTodayOverview';
import { useT, useTCount } from '../../i18n';
import { FollowUpItem } from '../followups/FollowUpItem';
import { AppPage } from '../shared/AppPage';
import { useFormat } from '../shared/useFormat';

function Schedule({ o }: { o: TodayOverview }) {
  const t = useT();
  return (
    <section aria-labelledby="today-schedule" className="section">
      <h2 id="today-schedule">{t('today.schedule')}</h2>
      {o.slots.length === 0 && <p>{t('today.noSchedule')}</p>}
      <ul className="list">
        {o.slots.map(({ slot, location }) => (
          <li key={slot.id} className="list-row">
            <span className="list-row-title">{location?.name ?? t('today.unknownLocation')}</span>
            <span className="list-row-meta">
              {t('today.slot', { start: slot.startTime, end: slot.endTime })}
              {location?.address && ` · ${location.address}`}
            </span>
          </li>
        ))}
      </ul>
      {o.slots.length > 0 && (
        <Link href="/besoeg" className="button primary">
          {t('today.startVisit')}
        </Link>
      )}
    </section>
  );
}

function Recent({ o }: { o: TodayOverview }) {
  const t = useT();
  const f = useFormat();
  return (
    <section aria-labelledby="today-recent" className="section">
      <h2 id="today-recent">{t('today.recent')}</h2>
      {o.recent.length === 0 && <p>{t('today.noRecent')}</p>}
      <ul className="list">
        {o.recent.map(({ citizen, at }) => (
          <li key={citizen.id} className="list-row">
            <Link href={`/borgere/${citizen.id}`} className="list-row-title">
              {citizenDisplayName(citizen)}
            </Link>
            <span className="list-row-meta">{f.relative(at)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Pending({ count }: { count: number }) {
  const t = useT();
  const tc = useTCount();
  const text = count === 0 ? t('today.pendingNone') : tc('today.pendingCount', count);
  return (
    <section aria-labelledby="today-pending" className="section">
      <h2 id="today-pending">{t('today.pending')}</h2>
      <p data-testid="pending-count">{text}</p>
    </section>
  );
}

/** /: where I sit today, follow-ups due or overdue, recently seen citizens, changes waiting. */
export function TodayPage() {
  const t = useT();
  const f = useFormat();
  const today = useToday();
  const session = useSignedInSession();
  const o = useTodayOverview(session?.user.id, today);
  return (
    <AppPage screen="today.title">
      <p className="lead">{f.date(today)}</p>
      {!o ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <div className="today-grid">
          <Schedule o={o} />
          <section aria-labelledby="today-followups" className="section">
            <h2 id="today-followups">{t('today.followUps')}</h2>
            {o.followUps.length === 0 && <p>{t('today.noFollowUps')}</p>}
            <ul className="list">
              {o.followUps.map((fu) => (
                <FollowUpItem
                  key={fu.id}
                  followUp={fu}
                  today={today}
                  citizen={o.followUpCitizens.get(fu.citizenId)}
                  actions={false}
                />
              ))}
            </ul>
            <Link href="/opfoelgning">{t('today.allFollowUps')}</Link>
          </section>
          <Recent o={o} />
          <Pending count={o.pendingCount} />
        </div>
      )}
    </AppPage>
  );
}
