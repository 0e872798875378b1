import { useState } from 'react';
import { signOut, UnsentChangesError } from '../../sync/signOut';
import { useUnsentCount } from '../../hooks/useUnsentCount';
import { useT, useTCount } from '../../i18n';
import { Alert } from '../../ui/Alert';

/**
 * Log out = confirm, then revoke the session and delete this user's store from the device.
 * Refused while changes are unsent (pending or refused): they would be lost with the store.
 */
export function LogoutSection() {
  const t = useT();
  const tc = useTCount();
  const unsent = useUnsentCount() ?? 0;
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function logOut() {
    try {
      // On success the store is gone and the app shows the login screen by itself.
      await signOut();
    } catch (e) {
      setConfirming(false);
      setError(
        e instanceof UnsentChangesError
          ? tc('vault.logout.unsent', e.count)
          : t('settings.logout.failed', { message: e instanceof Error ? e.message : String(e) }),
      );
    }
  }

  return (
    <section aria-labelledby="logout-heading" className="section">
      <h2 id="logout-heading">{t('settings.logout.heading')}</h2>
      <p>{t('settings.logout.explain')}</p>
      {unsent > 0 ? (
        <p className="warning" role="status">
          <span aria-hidden="true">⚠ </span>
          {tc('vault.logout.unsent', unsent)}
        </p>
      ) : confirming ? (
        <div role="group" aria-labelledby="logout-question" className="confirm">
          <p id="logout-question">{t('settings.logout.confirmQuestion')}</p>
          <div className="button-row">
            <button type="button" className="danger" onClick={() => void logOut()}>
              {t('settings.logout.confirm')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t('settings.logout')}
        </button>
      )}
      {error && <Alert>{error}</Alert>}
    </section>
  );
}
