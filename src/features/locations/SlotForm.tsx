import { useState, type FormEvent } from 'react';
import { scheduleSlotsRepo } from '../../db/scheduleSlots';
import type { Location } from '../../domain';
import { useT, type MessageKey } from '../../i18n';
import { FormActions } from '../../ui/FormActions';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { useResponsibleOptions } from '../cases/useResponsibleOptions';
import { useFormat } from '../shared/useFormat';
import { useSaveAction } from '../shared/useSaveAction';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Adds a weekly slot: which caseworker sits at this location, which weekday, which hours. */
export function SlotForm({
  location,
  knownUserIds,
  onDone,
}: {
  location: Location;
  knownUserIds: string[];
  onDone: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const save = useSaveAction();
  const users = useResponsibleOptions(knownUserIds);
  const [weekday, setWeekday] = useState('1');
  const [startTime, setStart] = useState('10:00');
  const [endTime, setEnd] = useState('12:00');
  const [userId, setUserId] = useState(users.defaultId);
  const [errors, setErrors] = useState<{ start?: MessageKey; end?: MessageKey }>({});

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: typeof errors = {};
    if (!TIME.test(startTime)) found.start = 'schedule.error.time';
    if (!TIME.test(endTime)) found.end = 'schedule.error.time';
    else if (endTime <= startTime) found.end = 'schedule.error.order';
    setErrors(found);
    if (found.start || found.end) return;
    const ok = await save.run((ctx) =>
      scheduleSlotsRepo.create(ctx, {
        locationId: location.id,
        userId: userId || ctx.userId,
        weekday: Number(weekday),
        startTime,
        endTime,
      }),
    );
    if (ok) onDone();
  }

  return (
    <form className="form inline-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field-row">
        <SelectField
          label={t('schedule.field.weekday')}
          value={weekday}
          onChange={setWeekday}
          options={WEEKDAYS.map((d) => ({ value: String(d), label: f.weekday(d) }))}
        />
        <TextField
          type="time"
          label={t('schedule.field.start')}
          value={startTime}
          onChange={setStart}
          error={errors.start && t(errors.start)}
        />
        <TextField
          type="time"
          label={t('schedule.field.end')}
          value={endTime}
          onChange={setEnd}
          error={errors.end && t(errors.end)}
        />
        <SelectField
          label={t('schedule.field.user')}
          value={userId}
          onChange={setUserId}
          options={users.options}
        />
      </div>
      <FormActions
        error={save.error}
        busy={save.busy}
        saveLabel={t('schedule.save')}
        onCancel={onDone}
      />
    </form>
  );
}
