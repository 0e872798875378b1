import { useEffect } from 'react';
import { useT } from '../../i18n';
import { formatBytes, refreshStorageEstimate, usageRatio, type StorageStatus } from '../../pwa';
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

function logFailure(error: unknown): void {
  console.warn('Could not read the storage status', error);
}

/**
 * Re-reads the storage estimate whenever one of `changes` changes (a sync finished, a change was
 * saved), so the figure shown is the current one, not the one from before the first sync.
 */
export function useFreshStorageEstimate(changes: readonly unknown[]): void {
  const key = JSON.stringify(changes);
  useEffect(() => {
    refreshStorageEstimate().catch(logFailure);
  }, [key]);
}

/** For the header's details: how much space the app uses ("Lagring på enheden: 12 MB af 2 GB"). */
export function StorageSummary() {
  const t = useT();
  const texts = useStorageTexts();
  return <p className="pwa-storage">{t('pwa.storage.usageLine', { usage: texts.usage })}</p>;
}

/**
 * In the header only when it matters: the device is nearly full, with what to do (more urgent
 * when the browser has not promised to keep the data).
 */
export function StorageWarning() {
  const t = useT();
  const texts = useStorageTexts();
  if (!texts.nearlyFull) return null;
  const advice =
    texts.status.persistence === 'granted'
      ? t('pwa.storage.nearlyFullAdvice')
      : t('pwa.storage.nearlyFullNotPersisted');
  return (
    <p className="pwa-storage pwa-storage--warning" role="status">
      {texts.nearlyFull} {advice}
    </p>
  );
}
