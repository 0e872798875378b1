import { Link } from 'wouter';
import { citizenDisplayName } from '../../domain';
import { useSyncStatus } from '../../hooks/useSyncStatus';
import { useUnsentChanges } from '../../hooks/useUnsentChanges';
import type { MessageKey } from '../../i18n';
import { AppPage } from '../shared/AppPage';
import { useFormat } from '../shared/useFormat';
import { recordPath } from './recordPath';
import { useSyncTexts } from './useSyncTexts';
import './sync.css';

/**
 * "Ændringer der venter": what this device holds that the server has not confirmed, one line per
 * change (what, whose, when written, and whether it waits, is being sent or was refused).
 */
export function UnsentPage() {
  const { t } = useSyncTexts();
  const fmt = useFormat();
  const changes = useUnsentChanges();
  const status = useSyncStatus();
  const sending = status.phase.kind === 'pushing';
  return (
    <AppPage screen="sync.unsent.title">
      <p className="lead">{t('sync.unsent.intro')}</p>
      {changes === undefined ? (
        <p>{t('common.loading')}</p>
      ) : changes.length === 0 ? (
        <p>{t('sync.unsent.empty')}</p>
      ) : (
        <ul className="sync-unsent-list" aria-label={t('sync.unsent.title')}>
          {changes.map(({ entry, citizen, citizenId }) => {
            const what = t('sync.attention.heading', {
              entity: t(`sync.entity.${entry.entity}` satisfies MessageKey),
              op: t(`sync.op.${entry.op}` satisfies MessageKey),
            });
            return (
              <li key={entry.mutationId} className="sync-unsent-item">
                <span className="sync-unsent-what">
                  {entry.op === 'delete' ? (
                    what
                  ) : (
                    <Link href={recordPath(entry.entity, entry.recordId, citizenId)}>{what}</Link>
                  )}
                </span>
                <span>{citizen ? citizenDisplayName(citizen) : t('sync.unsent.noCitizen')}</span>
                <span>{t('sync.unsent.written', { time: fmt.dateTime(entry.clientTime) })}</span>
                {entry.state === 'rejected' ? (
                  <Link href="/til-behandling" className="sync-attention">
                    {t('sync.unsent.rejected')}
                  </Link>
                ) : (
                  <span className="sync-unsent-state">
                    {sending ? t('sync.unsent.sending') : t('sync.unsent.pending')}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </AppPage>
  );
}
