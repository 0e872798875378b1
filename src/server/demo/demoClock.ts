/** Dates for demo data, relative to "now" in Danish local time, so the demo never goes stale. */
export interface DemoClock {
  /** Local calendar date `days` from today, "YYYY-MM-DD". */
  date(days: number): string;
  /** The instant of local time "HH:MM" on the date `days` from today. */
  at(days: number, time: string): string;
}

const ZONE = 'Europe/Copenhagen';

function localDate(instant: Date): string {
  return instant.toLocaleDateString('sv-SE', { timeZone: ZONE });
}

/** Offset of Copenhagen from UTC at `instant`, in minutes (60 or 120). */
function zoneOffsetMinutes(instant: Date): number {
  const local = new Date(instant.toLocaleString('en-US', { timeZone: ZONE }));
  const utc = new Date(instant.toLocaleString('en-US', { timeZone: 'UTC' }));
  return Math.round((local.getTime() - utc.getTime()) / 60_000);
}

export function demoClock(now: Date): DemoClock {
  const date = (days: number) => localDate(new Date(now.getTime() + days * 86_400_000));
  return {
    date,
    at(days, time) {
      const naive = new Date(`${date(days)}T${time}:00.000Z`);
      return new Date(naive.getTime() - zoneOffsetMinutes(naive) * 60_000).toISOString();
    },
  };
}
