import { useT } from '../../i18n';
import { refreshStorageEstimate, requestPersistentStorage } from '../../pwa';
import { useFreshStorageEstimate, useStorageTexts } from './StorageSummary';

function askForPersistence(): void {
  requestPersistentStorage()
    .then(refreshStorageEstimate)
    .catch((error: unknown) => {
      console.warn('Could not request persistent storage', error);
    });
}

/** For the settings page: persistence, usage and a way to ask for persistent storage again. */
export function StorageStatusPanel() {
  const t = useT();
  const texts = useStorageTexts();
  useFreshStorageEstimate([]);
  return (
    <section className="pwa-storage-panel" aria-labelledby="pwa-storage-heading">
      <h2 id="pwa-storage-heading">{t('pwa.storage.heading')}</h2>
      <p>{texts.persistence}</p>
      {texts.status.persistence === 'denied' && <p>{t('pwa.storage.notPersistedAdvice')}</p>}
      <p>{texts.usage}</p>
      {texts.nearlyFull && <p role="status">{texts.nearlyFull}</p>}
      {texts.status.persistence === 'denied' && (
        <button type="button" onClick={askForPersistence}>
          {t('pwa.storage.requestPersist')}
        </button>
      )}
    </section>
  );
}
