import { lockEverywhere } from '../../db';
import { useT } from '../../i18n';

/** "Lås": locks this and every other tab now; the unlock screen takes focus. */
export function LockButton() {
  const t = useT();
  return (
    <button
      type="button"
      className="lock-button"
      aria-label={t('vault.lock.label')}
      onClick={() => lockEverywhere('manual')}
    >
      {t('vault.lock')}
    </button>
  );
}
