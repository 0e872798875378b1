import { useState } from 'react';
import { useLocations, useScheduleSlots } from '../../hooks/useLocations';
import { useT } from '../../i18n';
import { AppPage } from '../shared/AppPage';
import { LocationCard } from './LocationCard';
import { LocationForm } from './LocationForm';

/** /steder: drop-in centres, shelters and street spots with the weekly outreach schedule. */
export function LocationsPage() {
  const t = useT();
  const locations = useLocations();
  const slots = useScheduleSlots() ?? [];
  const [adding, setAdding] = useState(false);
  const knownUserIds = [...new Set(slots.map((s) => s.userId))];
  return (
    <AppPage
      screen="locations.title"
      actions={
        !adding && (
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            {t('locations.new')}
          </button>
        )
      }
    >
      {adding && <LocationForm onDone={() => setAdding(false)} />}
      {locations === undefined && <p role="status">{t('common.loading')}</p>}
      {locations?.length === 0 && <p>{t('locations.none')}</p>}
      <div className="cards">
        {locations?.map((l) => (
          <LocationCard
            key={l.id}
            location={l}
            slots={slots.filter((s) => s.locationId === l.id)}
            knownUserIds={knownUserIds}
          />
        ))}
      </div>
    </AppPage>
  );
}
