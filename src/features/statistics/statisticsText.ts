import { useMemo } from 'react';
import { da, en, type StatisticsKey } from '../../i18n/catalog/statistics';
import type { MessageParams } from '../../i18n';
import { useLocaleStore, type Locale } from '../../stores/localeStore';

export type StatisticsT = (key: StatisticsKey, params?: MessageParams) => string;

/** The statistics screen's messages in a language (its own catalog: see catalog/statistics.ts). */
export function statisticsT(locale: Locale): StatisticsT {
  const catalog: Record<StatisticsKey, string> = locale === 'en' ? en : da;
  return (key, params = {}) =>
    catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
}

/** `useT` for the statistics screen. */
export function useStatisticsT(): StatisticsT {
  const locale = useLocaleStore((s) => s.locale);
  return useMemo(() => statisticsT(locale), [locale]);
}
