import type { Locale } from '../stores/localeStore';
import type { MessageKey } from './catalog';
import { firstScreenCatalogs } from './catalog/firstScreen';
import { formatNumber, pluralForm } from './numbers';

export type MessageParams = Record<string, string | number>;

type Messages = Partial<Record<MessageKey, string>>;

/** The messages loaded so far: the first screen's, then all of them (addMessages). */
const loaded: Record<Locale, Messages> = {
  da: { ...firstScreenCatalogs.da },
  en: { ...firstScreenCatalogs.en },
};

/**
 * Adds messages: the whole catalog (the signed-in app's module calls it as it loads, before any
 * of its screens renders) or one area's (a screen reachable before that chunk, such as the
 * accessibility statement), so the first load carries only the first screen's messages.
 */
export function addMessages(more: Record<Locale, Messages>): void {
  Object.assign(loaded.da, more.da);
  Object.assign(loaded.en, more.en);
}

/** Looks up a message and fills its {placeholders}. Falls back to Danish, then to the key. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template: string = loaded[locale][key] ?? loaded.da[key] ?? key;
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
