import { useState, type FormEvent } from 'react';
import { format } from 'date-fns';
import { visitsRepo } from '../../db/visits';
import { nowIso } from '../../db/writeContext';
import { useLocations, useScheduleSlots } from '../../hooks/useLocations';
import { useToday } from '../../hooks/useToday';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { SelectField } from '../../ui/SelectField';
import { useSaveAction } from '../shared/useSaveAction';
import { defaultLocationId, scheduledNowId } from './defaultLocation';

/** Starts a visit at a location, defaulting to where the caseworker is scheduled now. */
export function StartVisitForm({ userId }: { userId: string }) {
  const t = useT();
  const locations = useLocations();
  const slots = useScheduleSlots();
  const today = useToday();
  const save = useSaveAction();
  const [chosen, setChosen] = useState<string | null>(null);
  if (!locations || !slots) return <p role="status">{t('common.loading')}</p>;
  if (locations.length === 0) return <p>{t('visits.start.noLocations')}</p>;
  const time = format(new Date(), 'HH:mm');
  const nowId = scheduledNowId(slots, userId, today, time);
  const locationId = chosen ?? defaultLocationId(locations, slots, userId, today, time);

  async function submit(e: FormEvent) {
    e.preventDefault();
    await save.run((ctx) =>
      visitsRepo.create(ctx, {
        locationId,
        userId: ctx.userId,
        startedAt: nowIso(ctx),
        summary: '',
      }),
    );
  }

  return (
    <section aria-labelledby="start-visit-heading" className="section">
      <h2 id="start-visit-heading">{t('visits.start.heading')}</h2>
      <form onSubmit={(e) => void submit(e)} className="form inline-form">
        <SelectField
          label={t('visits.start.location')}
          value={locationId}
          onChange={setChosen}
          options={locations.map((l) => ({
            value: l.id,
            label: l.id === nowId ? `${l.name} ${t('visits.start.scheduledNow')}` : l.name,
          }))}
        />
        {save.error && <Alert>{save.error}</Alert>}
        <button type="submit" className="primary big" disabled={save.busy}>
          {t('visits.start.submit')}
        </button>
      </form>
    </section>
  );
}
