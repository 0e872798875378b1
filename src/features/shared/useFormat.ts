import { useMemo } from 'react';
import {
  formatDate,
  formatDateTime,
  formatRelativeTime,
  formatTime,
  formatWeekday,
} from '../../i18n/format';
import { formatNumber } from '../../i18n/numbers';
import { useLocaleStore } from '../../stores/localeStore';

/** Date and number formatting in the current language (date-fns and Intl, Danish first). */
export function useFormat() {
  const locale = useLocaleStore((s) => s.locale);
  return useMemo(
    () => ({
      locale,
      date: (iso: string) => formatDate(iso, locale),
      dateTime: (iso: string) => formatDateTime(iso, locale),
      relative: (iso: string) => formatRelativeTime(iso, locale),
      time: (iso: string) => formatTime(iso),
      weekday: (isoWeekday: number) => formatWeekday(isoWeekday, locale),
      number: (value: number) => formatNumber(value, locale),
    }),
    [locale],
  );
}
