import { useT } from '../../i18n';
import { useLocaleStore, type Locale } from '../../stores/localeStore';
import { browserMemory } from '../../ui/browserMemory';

const LOCALES: readonly Locale[] = ['da', 'en'];

/** Danish first, English second; remembered on this device. */
export function LanguageSwitch() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const setLocale = useLocaleStore((s) => s.setLocale);
  return (
    <fieldset className="radio-group">
      <legend>{t('settings.language')}</legend>
      {LOCALES.map((l) => (
        <div className="radio" key={l}>
          <input
            type="radio"
            id={`lang-${l}`}
            name="language"
            value={l}
            {...browserMemory()}
            checked={locale === l}
            onChange={() => setLocale(l)}
            lang={l}
          />
          <label htmlFor={`lang-${l}`} lang={l}>
            {t(`settings.language.${l}`)}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
