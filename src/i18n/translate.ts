import type { Locale } from '../stores/localeStore';
import { catalogs, type MessageKey } from './catalog';

export type MessageParams = Record<string, string | number>;

/** Looks up a message and fills its {placeholders}. Falls back to Danish, then to the key. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template: string = catalogs[locale][key] ?? catalogs.da[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
