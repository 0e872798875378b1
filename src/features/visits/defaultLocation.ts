import { isWithinSlot, slotsOnDate, type Location, type ScheduleSlot } from '../../domain';

/**
 * Where a visit most likely starts: the caseworker's slot running now, else their next or
 * earlier slot today, else the first active location.
 */
export function defaultLocationId(
  locations: readonly Location[],
  slots: readonly ScheduleSlot[],
  userId: string,
  today: string,
  time: string,
): string {
  const mine = slotsOnDate(
    slots.filter((s) => s.userId === userId),
    today,
  );
  const now = mine.find((s) => isWithinSlot(s, time));
  const next = mine.find((s) => s.startTime > time);
  const pick = now ?? next ?? mine[0];
  if (pick && locations.some((l) => l.id === pick.locationId)) return pick.locationId;
  return locations.find((l) => l.active)?.id ?? locations[0]?.id ?? '';
}

/** The location id of the slot running now, if any (to mark it in the list). */
export function scheduledNowId(
  slots: readonly ScheduleSlot[],
  userId: string,
  today: string,
  time: string,
): string | undefined {
  return slotsOnDate(
    slots.filter((s) => s.userId === userId),
    today,
  ).find((s) => isWithinSlot(s, time))?.locationId;
}
