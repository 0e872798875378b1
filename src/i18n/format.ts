import { format, formatDistanceToNow, formatRelative, parseISO } from 'date-fns';
import { da, enGB } from 'date-fns/locale';
import type { Locale } from '../stores/localeStore';

const LOCALES = { da, en: enGB } as const;

/** "i går kl. 14:05", "tirsdag kl. 10:00", or a date further away. */
export function formatRelativeTime(iso: string, locale: Locale, now: Date = new Date()): string {
  return formatRelative(parseISO(iso), now, { locale: LOCALES[locale] });
}

/** "for 2 minutter siden". */
export function formatAgo(iso: string, locale: Locale): string {
  return formatDistanceToNow(parseISO(iso), { locale: LOCALES[locale], addSuffix: true });
}

/** "24. nov. 2026" / "24 Nov 2026". */
export function formatDate(isoDate: string, locale: Locale): string {
  const pattern = locale === 'da' ? 'd. MMM yyyy' : 'd MMM yyyy';
  return format(parseISO(isoDate), pattern, { locale: LOCALES[locale] });
}

/** "24. nov. 2026 kl. 14:05" / "24 Nov 2026 at 14:05". */
export function formatDateTime(iso: string, locale: Locale): string {
  const pattern = locale === 'da' ? "d. MMM yyyy 'kl.' HH:mm" : "d MMM yyyy 'at' HH:mm";
  return format(parseISO(iso), pattern, { locale: LOCALES[locale] });
}

/** "tirsdag" */
export function formatWeekday(isoWeekday: number, locale: Locale): string {
  // 2024-01-01 was a Monday.
  return format(new Date(2024, 0, isoWeekday), 'EEEE', { locale: LOCALES[locale] });
}

/** Today's local calendar date, "YYYY-MM-DD". */
export function localDate(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}

/** "14:05" in local time. */
export function formatTime(iso: string): string {
  return format(parseISO(iso), 'HH:mm');
}

/** The value of an <input type="datetime-local"> for an instant, in local time. */
export function toDateTimeLocal(iso: string): string {
  return format(parseISO(iso), "yyyy-MM-dd'T'HH:mm");
}

/** An <input type="datetime-local"> value (local time) as an ISO instant; null if not a date. */
export function fromDateTimeLocal(value: string): string | null {
  const date = parseISO(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
