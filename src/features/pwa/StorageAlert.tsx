import { useT } from '../../i18n';
import { dismissStorageAlert } from '../../pwa';
import { useStorageAlerts } from './usePwaState';

/** The "device is full" message, reported by whoever caught DbError('storage-full'). */
export function StorageAlert() {
  const t = useT();
  const { storageFull } = useStorageAlerts();
  if (!storageFull) return null;
  return (
    <div className="pwa-storage-alert" role="alert">
      <p>{t('pwa.storage.full')}</p>
      <button type="button" onClick={dismissStorageAlert}>
        {t('pwa.storage.dismiss')}
      </button>
    </div>
  );
}
