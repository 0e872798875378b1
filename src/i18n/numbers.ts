import type { Locale } from '../stores/localeStore';

/** The BCP 47 tag of each UI language, for the Intl formatters. */
export const LOCALE_TAGS: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

const numberFormats = new Map<Locale, Intl.NumberFormat>();
const pluralRules = new Map<Locale, Intl.PluralRules>();

/** "1.234" in Danish, "1,234" in English: the active language's digit grouping and decimals. */
export function formatNumber(value: number, locale: Locale): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE_TAGS[locale]);
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

/**
 * The catalog form for a count: Danish and English only tell "one" from "other", so the catalog
 * has exactly those two (a language with more forms would add its keys here).
 */
export function pluralForm(count: number, locale: Locale): 'one' | 'other' {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALE_TAGS[locale]);
    pluralRules.set(locale, rules);
  }
  return rules.select(count) === 'one' ? 'one' : 'other';
}
