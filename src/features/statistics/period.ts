import { format, parseISO } from 'date-fns';
import { da, enGB } from 'date-fns/locale';
import type { Locale } from '../../stores/localeStore';
import type { StatisticsT } from './statisticsText';

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

/** What the period picker holds; only the fields of `kind` matter. */
export interface PeriodChoice {
  kind: PeriodKind;
  /** "YYYY-MM" */
  month: string;
  /** "YYYY-Q" e.g. "2026-3" */
  quarter: string;
  year: string;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of a month, "YYYY-MM-DD". */
function monthEnd(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** The dates (both included) the choice covers. */
export function periodRange(choice: PeriodChoice): { from: string; to: string } {
  switch (choice.kind) {
    case 'month': {
      const [y, m] = choice.month.split('-').map(Number) as [number, number];
      return { from: `${choice.month}-01`, to: monthEnd(y, m) };
    }
    case 'quarter': {
      const [y, q] = choice.quarter.split('-').map(Number) as [number, number];
      return { from: `${y}-${pad(q * 3 - 2)}-01`, to: monthEnd(y, q * 3) };
    }
    case 'year':
      return { from: `${choice.year}-01-01`, to: `${choice.year}-12-31` };
    case 'custom':
      return { from: choice.from, to: choice.to };
  }
}

/** The picker's starting point: the quarter of `today` ("YYYY-MM-DD"), the month and year too. */
export function defaultChoice(today: string): PeriodChoice {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return {
    kind: 'quarter',
    month: today.slice(0, 7),
    quarter: `${year}-${Math.ceil(month / 3)}`,
    year: String(year),
    from: `${today.slice(0, 7)}-01`,
    to: today,
  };
}

/** The last `count` quarters up to `today`'s, newest first, as "YYYY-Q". */
export function recentQuarters(today: string, count: number): string[] {
  let year = Number(today.slice(0, 4));
  let quarter = Math.ceil(Number(today.slice(5, 7)) / 3);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${year}-${quarter}`);
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return out;
}

const LOCALES = { da, en: enGB } as const;

/** "3. kvartal 2026", "juli 2026", "2026" or "1. jul. 2026 – 15. aug. 2026". */
export function periodLabel(from: string, to: string, locale: Locale, t: StatisticsT): string {
  const y = Number(from.slice(0, 4));
  const m = Number(from.slice(5, 7));
  const startsMonth = from.endsWith('-01');
  if (startsMonth && from.slice(0, 4) === to.slice(0, 4)) {
    if (m === 1 && to === `${y}-12-31`) return String(y);
    if (to === monthEnd(y, m))
      return format(parseISO(from), 'LLLL yyyy', { locale: LOCALES[locale] });
    if ((m - 1) % 3 === 0 && to === monthEnd(y, m + 2))
      return t('statistics.quarter', { n: (m + 2) / 3, year: y });
  }
  const day = (d: string) => format(parseISO(d), 'd. MMM yyyy', { locale: LOCALES[locale] });
  return `${day(from)} – ${day(to)}`;
}

/** A report column's heading: "jul. 2026". */
export function monthLabel(month: string, locale: Locale): string {
  return format(parseISO(`${month}-01`), 'MMM yyyy', { locale: LOCALES[locale] });
}
