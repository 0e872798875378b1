import type { ScheduleSlot } from './schedule';
import type { FollowUp } from './followUp';

/** ISO weekday (1 = Monday … 7 = Sunday) of a local calendar date "YYYY-MM-DD". */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The slots that apply on `date`, earliest first. */
export function slotsOnDate<
  T extends Pick<ScheduleSlot, 'weekday' | 'startTime' | 'validFrom' | 'validTo'>,
>(slots: readonly T[], date: string): T[] {
  const weekday = isoWeekday(date);
  return slots
    .filter(
      (s) =>
        s.weekday === weekday &&
        (s.validFrom === undefined || s.validFrom <= date) &&
        (s.validTo === undefined || s.validTo >= date),
    )
    .sort((a, b) => a.startTime.localeCompare(b.startTime));
}

/** Whether a "HH:MM" time lies within a slot on its day. */
export function isWithinSlot(
  slot: Pick<ScheduleSlot, 'startTime' | 'endTime'>,
  time: string,
): boolean {
  return time >= slot.startTime && time < slot.endTime;
}

export type FollowUpState = 'done' | 'overdue' | 'due-today' | 'upcoming';

/** A follow-up's state on the local date `today` ("YYYY-MM-DD"). */
export function followUpState(f: Pick<FollowUp, 'dueOn' | 'doneAt'>, today: string): FollowUpState {
  if (f.doneAt !== undefined) return 'done';
  if (f.dueOn < today) return 'overdue';
  if (f.dueOn === today) return 'due-today';
  return 'upcoming';
}
