import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'wouter';
import { useConflictCount } from '../../hooks/useConflicts';
import { useSyncActions } from '../../hooks/useSyncActions';
import { useSyncBrowserOnline } from '../../hooks/useSyncBrowserOnline';
import { useSyncStatus } from '../../hooks/useSyncStatus';
import { formatTime } from '../../i18n/format';
import { formatNumber } from '../../i18n/numbers';
import { formatSince } from './formatSince';
import { describeSyncStatus, type SyncView } from '../../sync/syncStatus';
import { OfflineReadinessLine } from '../pwa/OfflineReadiness';
import { StorageSummary, useFreshStorageEstimate } from '../pwa/StorageSummary';
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

/** The short line of the header; the longer explanations are in the details. */
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
        ? t('sync.syncedAgo', { ago: formatSince(view.lastSuccessAt, locale) })
        : t('sync.notYet');
    case 'error':
      return t('sync.failed', { reason: syncError(view.error) });
    case 'synced':
      return t('sync.syncedAgo', { ago: formatSince(view.lastSuccessAt, locale) });
    case 'not-yet-synced':
      return t('sync.notYet');
  }
}

/** What the details add to the short line: why offline is fine, when it retries, the last time. */
function useDetailLines(view: SyncView, offline: boolean, nextRetryAt: string | null): string[] {
  const { t } = useSyncTexts();
  const fmt = useFormat();
  const lines: string[] = [];
  if (offline) lines.push(t('sync.offlineHint'));
  if ((view.kind === 'error' || view.kind === 'offline') && nextRetryAt)
    lines.push(t('sync.retryAt', { time: formatTime(nextRetryAt) }));
  const last = 'lastSuccessAt' in view ? view.lastSuccessAt : null;
  if (last) lines.push(t('sync.lastAt', { time: fmt.dateTime(last) }));
  return lines;
}

/**
 * "Detaljer": a disclosure button and the panel it shows below the header (the longer texts and
 * the device's storage), so the header itself stays one line. Escape closes it and returns focus.
 */
function SyncDetails({ lines }: { lines: string[] }) {
  const { t } = useSyncTexts();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      setOpen(false);
      button.current?.focus();
    }
  };
  return (
    <div className="sync-details" onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="sync-details-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {t('sync.details')}
      </button>
      <div id={panelId} className="sync-details-panel" hidden={!open}>
        {lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
        <OfflineReadinessLine />
        <StorageSummary />
      </div>
    </div>
  );
}

/**
 * The header's sync status (invariant 6) on one line: online or not, how many changes wait (a
 * link to the list), progress while syncing, when the last sync succeeded, errors, unsettled
 * conflicts and refused changes (links to their lists), "Synkroniser nu" and the details. Its
 * status part is the one polite live region for sync: a screen reader hears each change.
 */
export function SyncIndicator() {
  useTick(AGO_REFRESH_MS);
  const { t, tc } = useSyncTexts();
  const status = useSyncStatus();
  const browserOnline = useSyncBrowserOnline();
  const { syncNow } = useSyncActions();
  const conflicts = useConflictCount() ?? 0;
  const view = describeSyncStatus(status, browserOnline);
  const main = useMainLine(view);
  const offline = !browserOnline || status.connectivity === 'offline';
  const details = useDetailLines(view, offline, status.nextRetryAt);
  // Until the stored time of the last sync is read, "Ikke synkroniseret endnu" may be untrue.
  const mainLine = view.kind === 'not-yet-synced' && !status.historyLoaded ? '' : main;
  const pending = status.pending ?? 0;
  const rejected = status.rejected ?? 0;
  useFreshStorageEstimate([status.lastSuccessAt, pending]);
  // "Synkroniser nu" pressed offline: say what happens instead, until the device is online.
  const [askedOffline, setAskedOffline] = useState(false);
  if (askedOffline && !offline) setAskedOffline(false);
  const onSyncNow = () => {
    if (offline) setAskedOffline(true);
    syncNow();
  };
  return (
    <section className="sync-indicator" aria-label={t('sync.region')}>
      <div role="status" aria-live="polite" className="sync-lines">
        <span className={offline ? 'sync-conn sync-conn-offline' : 'sync-conn sync-conn-online'}>
          <span aria-hidden="true">{offline ? '○ ' : '● '}</span>
          {offline ? t('sync.offline') : t('sync.online')}
        </span>
        <Link href="/venter" className="sync-pending">
          {pending === 0 ? t('sync.pending.none') : tc('sync.pending', pending)}
        </Link>
        {mainLine && <span className="sync-main">{mainLine}</span>}
        {conflicts > 0 && (
          <Link href="/konflikter" className="sync-conflicts">
            {tc('sync.conflicts', conflicts)}
          </Link>
        )}
        {rejected > 0 && (
          <Link href="/til-behandling" className="sync-attention">
            {tc('sync.rejected', rejected)}
          </Link>
        )}
        {askedOffline && <span className="sync-queued">{t('sync.queuedOffline')}</span>}
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
        {view.kind === 'unauthorized' && <Link href="/logind-igen">{t('sync.loginAgain')}</Link>}
        {view.kind === 'update-required' ? (
          <button type="button" onClick={() => window.location.reload()}>
            {t('sync.reload')}
          </button>
        ) : (
          <button type="button" onClick={onSyncNow} disabled={view.kind === 'syncing'}>
            {t('sync.syncNow')}
          </button>
        )}
        <SyncDetails lines={details} />
      </div>
    </section>
  );
}
