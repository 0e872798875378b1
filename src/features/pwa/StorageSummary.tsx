import { useT } from '../../i18n';
import { formatBytes, usageRatio, type StorageStatus } from '../../pwa';
import { useLocaleStore } from '../../stores/localeStore';
import type { MessageKey } from '../../i18n';
import { useStorageStatus } from './usePwaState';

/** Above this share of the quota the header warns, so the caseworker syncs before writes fail. */
const NEARLY_FULL_RATIO = 0.9;

const PERSISTENCE_TEXT = {
  granted: 'pwa.storage.persisted',
  denied: 'pwa.storage.notPersisted',
  unknown: 'pwa.storage.persistUnknown',
  unsupported: 'pwa.storage.persistUnsupported',
} as const satisfies Record<StorageStatus['persistence'], MessageKey>;

export function useStorageTexts() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const status = useStorageStatus();
  const known = status.usageBytes !== undefined && status.quotaBytes !== undefined;
  const params = known
    ? {
        used: formatBytes(status.usageBytes ?? 0, locale),
        quota: formatBytes(status.quotaBytes ?? 0, locale),
      }
    : undefined;
  return {
    status,
    persistence: t(PERSISTENCE_TEXT[status.persistence]),
    usage: params ? t('pwa.storage.usage', params) : t('pwa.storage.usageUnknown'),
    nearlyFull:
      params && (usageRatio(status) ?? 0) >= NEARLY_FULL_RATIO
        ? t('pwa.storage.nearlyFull', params)
        : undefined,
  };
}

/** One line for the header: "Data gemmes varigt · 12 MB af 2 GB", or a warning when nearly full. */
export function StorageSummary() {
  const texts = useStorageTexts();
  if (texts.nearlyFull) {
    return (
      <p className="pwa-storage pwa-storage--warning" role="status">
        {texts.nearlyFull}
      </p>
    );
  }
  return (
    <p className="pwa-storage">
      {texts.persistence} · {texts.usage}
    </p>
  );
}
