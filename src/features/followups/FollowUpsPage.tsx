import { useState } from 'react';
import { useCitizensByIds } from '../../hooks/useCitizens';
import { useFollowUps } from '../../hooks/useFollowUps';
import { useSignedInSession } from '../../hooks/useSession';
import { useToday } from '../../hooks/useToday';
import { useT } from '../../i18n';
import { AppPage } from '../shared/AppPage';
import { FollowUpForm } from './FollowUpForm';
import { FollowUpItem } from './FollowUpItem';
import { browserMemory } from '../../ui/browserMemory';

/**
 * /opfoelgning: open follow-ups (overdue first) and done ones, everyone's or only mine (the
 * caseworker responsible); create, mark done, reopen.
 */
export function FollowUpsPage() {
  const t = useT();
  const today = useToday();
  const all = useFollowUps();
  const me = useSignedInSession()?.user.id;
  const [mineOnly, setMineOnly] = useState(false);
  const followUps = mineOnly ? all?.filter((f) => f.assigneeId === me) : all;
  const [adding, setAdding] = useState(false);
  const byId = useCitizensByIds(followUps?.map((f) => f.citizenId) ?? []);
  const open = followUps?.filter((f) => !f.doneAt) ?? [];
  const done = (followUps?.filter((f) => f.doneAt) ?? []).sort((a, b) =>
    (b.doneAt ?? '').localeCompare(a.doneAt ?? ''),
  );
  return (
    <AppPage
      screen="followUps.title"
      actions={
        !adding && (
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            {t('followUps.new')}
          </button>
        )
      }
    >
      {adding && <FollowUpForm onDone={() => setAdding(false)} />}
      {followUps === undefined && <p role="status">{t('common.loading')}</p>}
      <fieldset className="toggles">
        <legend>{t('followUps.show')}</legend>
        <label>
          <input
            type="radio"
            name="followup-filter"
            checked={!mineOnly}
            onChange={() => setMineOnly(false)}
            {...browserMemory()}
          />
          {t('followUps.show.all')}
        </label>
        <label>
          <input
            type="radio"
            name="followup-filter"
            checked={mineOnly}
            onChange={() => setMineOnly(true)}
            {...browserMemory()}
          />
          {t('followUps.show.mine')}
        </label>
      </fieldset>
      <section aria-labelledby="open-heading" className="section">
        <h2 id="open-heading">{t('followUps.open')}</h2>
        {followUps && open.length === 0 && <p>{t('followUps.noneOpen')}</p>}
        <ul className="list">
          {open.map((f) => (
            <FollowUpItem key={f.id} followUp={f} today={today} citizen={byId.get(f.citizenId)} />
          ))}
        </ul>
      </section>
      {done.length > 0 && (
        <section aria-labelledby="done-heading" className="section">
          <h2 id="done-heading">{t('followUps.done')}</h2>
          <ul className="list">
            {done.map((f) => (
              <FollowUpItem key={f.id} followUp={f} today={today} citizen={byId.get(f.citizenId)} />
            ))}
          </ul>
        </section>
      )}
    </AppPage>
  );
}
