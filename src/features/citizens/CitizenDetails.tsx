import { useState } from 'react';
import { maskCpr, type Citizen } from '../../domain';
import { useLocations } from '../../hooks/useLocations';
import { useT } from '../../i18n';

function Text({ value }: { value: string }) {
  const t = useT();
  return value.trim() ? (
    <dd className="prewrap">{value}</dd>
  ) : (
    <dd className="muted">{t('citizens.page.nothing')}</dd>
  );
}

/** CPR (masked unless "Vis CPR" is pressed), phone, own goals, life story, focus areas, places. */
export function CitizenDetails({ citizen }: { citizen: Citizen }) {
  const t = useT();
  const [showCpr, setShowCpr] = useState(false);
  const locations = useLocations() ?? [];
  const usual = locations.filter((l) => citizen.usualLocationIds.includes(l.id)).map((l) => l.name);
  if (citizen.usualPlaceNote) usual.push(citizen.usualPlaceNote);
  return (
    <section aria-labelledby="details-heading" className="section">
      <h2 id="details-heading">{t('citizens.page.details')}</h2>
      <dl className="details">
        <dt>{t('citizens.cprLabel')}</dt>
        <dd>
          {citizen.cpr ? (
            <>
              <span className="cpr">{showCpr ? citizen.cpr : maskCpr(citizen.cpr)}</span>{' '}
              <button type="button" aria-pressed={showCpr} onClick={() => setShowCpr((s) => !s)}>
                {t('citizens.page.showCpr')}
              </button>
            </>
          ) : (
            t('citizens.noCpr')
          )}
        </dd>
        <dt>{t('citizens.field.phone')}</dt>
        <Text value={citizen.phone} />
        <dt>{t('citizens.page.goals')}</dt>
        <Text value={citizen.ownGoals} />
        <dt>{t('citizens.page.lifeStory')}</dt>
        <Text value={citizen.lifeStory} />
        <dt>{t('citizens.page.focusAreas')}</dt>
        <Text value={citizen.focusAreas.map((f) => t(`citizens.focus.${f}`)).join(', ')} />
        <dt>{t('citizens.page.usual')}</dt>
        <Text value={usual.join(', ')} />
      </dl>
    </section>
  );
}
