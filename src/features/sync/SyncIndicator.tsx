import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { useSyncActions } from '../../hooks/useSyncActions';
import { useSyncBrowserOnline } from '../../hooks/useSyncBrowserOnline';
import { useSyncStatus } from '../../hooks/useSyncStatus';
import { formatTime } from '../../i18n/format';
import { formatNumber } from '../../i18n/numbers';
import { formatSince } from './formatSince';
import { describeSyncStatus, type SyncView } from '../../sync/syncStatus';
import { useFormat } from '../shared/useFormat';
import { useSyncTexts } from './useSyncTexts';
import './sync.css';

/** Re-render every 30 s so "for 2 minutter siden" stays true. */
const AGO_REFRESH_MS = 30_000;

function useTick(ms: number): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), ms);
    return () => clearInterval(timer);
  }, [ms]);
}

function useMainLine(view: SyncView): string {
  const { t, syncError } = useSyncTexts();
  const { locale } = useFormat();
  switch (view.kind) {
    case 'update-required':
      return t('sync.updateRequired');
    case 'unauthorized':
      return t('sync.unauthorized');
    case 'syncing': {
      // Nothing to count (no pending changes, or nothing new yet): no "0 af 0".
      if (view.phase.total === 0) return t('sync.checking');
      const params = {
        done: formatNumber(view.phase.done, locale),
        total: formatNumber(view.phase.total, locale),
      };
      return view.phase.kind === 'pushing' ? t('sync.pushing', params) : t('sync.pulling', params);
    }
    case 'offline':
      return view.lastSuccessAt
        ? `${t('sync.offlineHint')} ${t('sync.syncedAgo', { ago: formatSince(view.lastSuccessAt, locale) })}`
        : t('sync.offlineHint');
    case 'error': {
      const failed = t('sync.failed', { reason: syncError(view.error) });
      return view.nextRetryAt
        ? `${failed}. ${t('sync.retryAt', { time: formatTime(view.nextRetryAt) })}`
        : failed;
    }
    case 'synced':
      return t('sync.syncedAgo', { ago: formatSince(view.lastSuccessAt, locale) });
    case 'not-yet-synced':
      return t('sync.notYet');
  }
}

/**
 * The header's sync status (invariant 6): online or not, how many changes wait, progress while
 * syncing, when the last sync succeeded, errors, refused changes and a "Synkroniser nu" button.
 */
export function SyncIndicator() {
  useTick(AGO_REFRESH_MS);
  const { t, tc } = useSyncTexts();
  const status = useSyncStatus();
  const browserOnline = useSyncBrowserOnline();
  const { syncNow } = useSyncActions();
  const view = describeSyncStatus(status, browserOnline);
  const main = useMainLine(view);
  // Until the stored time of the last sync is read, "Ikke synkroniseret endnu" may be untrue.
  const mainLine = view.kind === 'not-yet-synced' && !status.historyLoaded ? '' : main;
  const offline = !browserOnline || status.connectivity === 'offline';
  const pending = status.pending ?? 0;
  const rejected = status.rejected ?? 0;
  return (
    <section className="sync-indicator" aria-label={t('sync.region')}>
      <div role="status" aria-live="polite" aria-atomic="true" className="sync-lines">
        <span className={offline ? 'sync-conn sync-conn-offline' : 'sync-conn sync-conn-online'}>
          <span aria-hidden="true">{offline ? '○ ' : '● '}</span>
          {offline ? t('sync.offline') : t('sync.online')}
        </span>
        <span className="sync-pending">
          {pending === 0 ? t('sync.pending.none') : tc('sync.pending', pending)}
        </span>
        <span className="sync-main">{mainLine}</span>
        {status.conflictsSeen > 0 && (
          <span className="sync-conflicts">{tc('sync.conflicts', status.conflictsSeen)}</span>
        )}
      </div>
      {view.kind === 'syncing' && (
        <progress
          className="sync-progress"
          aria-label={t('sync.progress')}
          // Nothing to count yet: no value, so the bar is indeterminate rather than empty.
          {...(view.phase.total > 0 && { max: view.phase.total, value: view.phase.done })}
        />
      )}
      <div className="sync-actions">
        {rejected > 0 && (
          <Link href="/til-behandling" className="sync-attention">
            {tc('sync.rejected', rejected)}
          </Link>
        )}
        {view.kind === 'unauthorized' && <Link href="/logind-igen">{t('sync.loginAgain')}</Link>}
        {view.kind === 'update-required' ? (
          <button type="button" onClick={() => window.location.reload()}>
            {t('sync.reload')}
          </button>
        ) : (
          <button type="button" onClick={syncNow} disabled={view.kind === 'syncing'}>
            {t('sync.syncNow')}
          </button>
        )}
      </div>
    </section>
  );
}
