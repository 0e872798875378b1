import { create } from 'zustand';

export type Locale = 'da' | 'en';

const STORAGE_KEY = 'fremskudt.locale';

function initialLocale(): Locale {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'da';
  } catch (error) {
    // Storage can be blocked (privacy settings); Danish is the default anyway.
    console.warn('Could not read the language setting', error);
    return 'da';
  }
}

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

/** The UI language: Danish first, English second; remembered on this device. */
export const useLocaleStore = create<LocaleState>((set) => ({
  locale: initialLocale(),
  setLocale: (locale) => {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, locale);
    } catch (error) {
      console.warn('Could not save the language setting', error);
    }
    document.documentElement.lang = locale;
    set({ locale });
  },
}));
