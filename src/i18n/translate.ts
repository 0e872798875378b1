import type { Locale } from '../stores/localeStore';
import { catalogs, type MessageKey } from './catalog';
import { formatNumber, pluralForm } from './numbers';

export type MessageParams = Record<string, string | number>;

/** Looks up a message and fills its {placeholders}. Falls back to Danish, then to the key. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template: string = catalogs[locale][key] ?? catalogs.da[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A message with a count: the catalog has `<key>.one` and `<key>.other` for it. */
export type CountKey = {
  [K in MessageKey]: K extends `${infer Base}.one`
    ? `${Base}.other` extends MessageKey
      ? Base
      : never
    : never;
}[MessageKey];

/**
 * "1 kontakt" / "3 kontakter": picks the form by the language's plural rules and fills {count}
 * with the number formatted for the language ("1.234" / "1,234").
 */
export function translateCount(
  locale: Locale,
  key: CountKey,
  count: number,
  params: MessageParams = {},
): string {
  const form = `${key}.${pluralForm(count, locale)}` as MessageKey;
  return translate(locale, form, { ...params, count: formatNumber(count, locale) });
}
