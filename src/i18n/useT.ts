import { useCallback } from 'react';
import { useLocaleStore } from '../stores/localeStore';
import type { MessageKey } from './catalog';
import { translate, translateCount, type CountKey, type MessageParams } from './translate';

/** `const t = useT(); t('common.save')` — re-renders when the language changes. */
export function useT(): (key: MessageKey, params?: MessageParams) => string {
  const locale = useLocaleStore((s) => s.locale);
  return useCallback((key, params) => translate(locale, key, params), [locale]);
}

/** `const tc = useTCount(); tc('visits.contacts.total', 3)` → "3 kontakter" (see translateCount). */
export function useTCount(): (key: CountKey, count: number, params?: MessageParams) => string {
  const locale = useLocaleStore((s) => s.locale);
  return useCallback((key, count, params) => translateCount(locale, key, count, params), [locale]);
}
