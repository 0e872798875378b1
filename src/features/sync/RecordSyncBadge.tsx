import { useRecordSync } from '../../hooks/useRecordSync';
import { useT } from '../../i18n';
import './sync.css';

/** "Kun på denne enhed" while a record has changes the server has not acknowledged. */
export function RecordSyncBadge({ recordId }: { recordId: string }) {
  const t = useT();
  const state = useRecordSync(recordId);
  if (state === undefined) return null;
  return (
    <span className={`sync-badge sync-badge-${state}`}>
      {state === 'local' ? t('sync.badge.local') : t('sync.badge.server')}
    </span>
  );
}
