import { useState } from 'react';
import { scheduleSlotsRepo } from '../../db/scheduleSlots';
import type { Location, ScheduleSlot } from '../../domain';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { useFormat } from '../shared/useFormat';
import { useSaveAction } from '../shared/useSaveAction';
import { useUserName } from '../../hooks/useUserName';
import { LocationForm } from './LocationForm';
import { SlotForm } from './SlotForm';

/** One location with its weekly slots: edit the location, add or delete slots. */
export function LocationCard({
  location,
  slots,
  knownUserIds,
}: {
  location: Location;
  slots: ScheduleSlot[];
  knownUserIds: string[];
}) {
  const t = useT();
  const f = useFormat();
  const userName = useUserName();
  const save = useSaveAction();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const headingId = `location-${location.id}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{location.name}</h2>
      <p className="list-row-meta">
        {t(`locations.kind.${location.kind}`)}
        {location.address && ` · ${location.address}`}
        {!location.active && ` · ${t('locations.inactive')}`}
      </p>
      {location.description && <p className="prewrap">{location.description}</p>}
      {editing ? (
        <LocationForm location={location} onDone={() => setEditing(false)} />
      ) : (
        <button type="button" onClick={() => setEditing(true)}>
          {t('locations.edit', { name: location.name })}
        </button>
      )}
      <h3>{t('schedule.heading')}</h3>
      {slots.length === 0 && <p>{t('schedule.none')}</p>}
      <ul className="list">
        {slots.map((s) => {
          const params = { weekday: f.weekday(s.weekday), start: s.startTime, end: s.endTime };
          return (
            <li key={s.id} className="list-row">
              <span>{t('schedule.slot', { ...params, user: userName(s.userId) })}</span>
              <button
                type="button"
                disabled={save.busy}
                onClick={() => void save.run((ctx) => scheduleSlotsRepo.remove(ctx, s.id))}
              >
                {t('schedule.delete', params)}
              </button>
            </li>
          );
        })}
      </ul>
      {save.error && <Alert>{save.error}</Alert>}
      {adding ? (
        <SlotForm location={location} knownUserIds={knownUserIds} onDone={() => setAdding(false)} />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          {t('schedule.add', { name: location.name })}
        </button>
      )}
    </section>
  );
}
