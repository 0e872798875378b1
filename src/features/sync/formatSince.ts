import { formatDistanceToNow, parseISO } from 'date-fns';
import { da, enGB } from 'date-fns/locale';
import type { Locale } from '../../stores/localeStore';

const LOCALES = { da, en: enGB } as const;

/**
 * "2 minutter" without date-fns' suffix: Danish says "for 2 minutter siden", which the suffix
 * ("2 minutter siden") leaves out, so the catalog template carries the words around it.
 */
export function formatSince(iso: string, locale: Locale): string {
  return formatDistanceToNow(parseISO(iso), { locale: LOCALES[locale] });
}
