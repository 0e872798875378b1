import { useOutboxRejected } from '../../hooks/useOutboxRejected';
import { useT } from '../../i18n';
import { AppPage } from '../shared/AppPage';
import { RejectedChange } from './RejectedChange';
import './sync.css';

/**
 * "Til behandling": every change the server refused, with the reason in plain words and a way to
 * fix and resend it. Nothing here is ever discarded (invariant 1).
 */
export function NeedsAttentionPage() {
  const t = useT();
  const rejected = useOutboxRejected();
  return (
    <AppPage screen="sync.attention.title">
      <p className="lead">{t('sync.attention.intro')}</p>
      {rejected === undefined ? (
        <p>{t('common.loading')}</p>
      ) : rejected.length === 0 ? (
        <p>{t('sync.attention.empty')}</p>
      ) : (
        rejected.map((entry) => <RejectedChange key={entry.mutationId} entry={entry} />)
      )}
    </AppPage>
  );
}
