/**
 * Periods of the statistics report, in Danish local time: a contact at 00:30 on 1 August in
 * Copenhagen belongs to August although it is 31 July in UTC. Pure (Intl only), so the client
 * names the period it asks for and the server cuts the months the same way.
 */

const ZONE = 'Europe/Copenhagen';

/** The longest period one report covers, in months: a report is read, not mined. */
export const MAX_REPORT_MONTHS = 24;

export interface ReportMonth {
  /** "YYYY-MM" */
  month: string;
  /** First instant counted (inclusive), UTC ISO. */
  start: string;
  /** First instant not counted, UTC ISO. */
  end: string;
}

/** Offset of Copenhagen from UTC at `instant`, in minutes (60 or 120). */
function zoneOffsetMinutes(instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((local - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** The UTC instant of local midnight starting the calendar date "YYYY-MM-DD". */
export function localMidnight(date: string): string {
  const naive = new Date(`${date}T00:00:00.000Z`);
  // The offset at the naive instant is right except within hours of a change, never at midnight.
  return new Date(naive.getTime() - zoneOffsetMinutes(naive) * 60_000).toISOString();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar date after "YYYY-MM-DD". */
export function nextDate(date: string): string {
  const d = new Date(`${date}T12:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The calendar date in Copenhagen of an instant. */
export function localDateOf(instant: Date): string {
  return instant.toLocaleDateString('sv-SE', { timeZone: ZONE });
}

/**
 * The months of the period from `from` to `to` (dates, both included): the first and last may be
 * partial. Empty when `to` is before `from`.
 */
export function reportMonths(from: string, to: string): ReportMonth[] {
  const months: ReportMonth[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  let start = from;
  const last = to.slice(0, 7);
  while (start <= to) {
    const key = `${year}-${pad(month)}`;
    if (month === 12) {
      year += 1;
      month = 1;
    } else month += 1;
    const nextMonth = `${year}-${pad(month)}-01`;
    const endDate = key === last ? nextDate(to) : nextMonth;
    months.push({ month: key, start: localMidnight(start), end: localMidnight(endDate) });
    start = nextMonth;
  }
  return months;
}
