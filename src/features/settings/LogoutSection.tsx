import { useState } from 'react';
import { useLocation } from 'wouter';
import { signOut } from '../../hooks/useSignIn';
import { usePendingCount } from '../../hooks/usePendingCount';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';

/** Log out = confirm, then wipe the local database; warns when changes are still unsent. */
export function LogoutSection() {
  const t = useT();
  const [, navigate] = useLocation();
  const pending = usePendingCount() ?? 0;
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function logOut() {
    try {
      await signOut();
      navigate('/login', { replace: true });
    } catch (e) {
      setError(
        t('settings.logout.failed', { message: e instanceof Error ? e.message : String(e) }),
      );
    }
  }

  return (
    <section aria-labelledby="logout-heading" className="section">
      <h2 id="logout-heading">{t('settings.logout.heading')}</h2>
      <p>{t('settings.logout.explain')}</p>
      {pending > 0 && (
        <p className="warning">
          <span aria-hidden="true">⚠ </span>
          {t('settings.logout.pendingWarning', { count: pending })}
        </p>
      )}
      {confirming ? (
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
