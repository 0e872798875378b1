import { useState } from 'react';
import { useFollowUpsOfCitizen } from '../../hooks/useFollowUps';
import { useToday } from '../../hooks/useToday';
import { useT } from '../../i18n';
import { FollowUpForm } from './FollowUpForm';
import { FollowUpItem } from './FollowUpItem';

/** The citizen page's follow-ups, with "Ny opfølgning" for this citizen. */
export function CitizenFollowUps({ citizenId }: { citizenId: string }) {
  const t = useT();
  const today = useToday();
  const followUps = useFollowUpsOfCitizen(citizenId);
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="citizen-followups-heading" className="section">
      <h2 id="citizen-followups-heading">{t('citizens.page.followUps')}</h2>
      {followUps && followUps.length === 0 && <p>{t('followUps.none')}</p>}
      <ul className="list">
        {followUps?.map((f) => (
          <FollowUpItem key={f.id} followUp={f} today={today} />
        ))}
      </ul>
      {adding ? (
        <FollowUpForm citizenId={citizenId} onDone={() => setAdding(false)} />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          {t('followUps.new')}
        </button>
      )}
    </section>
  );
}
