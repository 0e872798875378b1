import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { LocalProfile, LockReason } from '../../db';
import { unlock } from '../../sync/unlock';
import { useT } from '../../i18n';
import { PasswordSubmit } from '../../ui/PasswordSubmit';
import { SelectField } from '../../ui/SelectField';
import { AccessibilityStatementLink } from '../accessibility/AccessibilityStatementLink';
import { AppPage } from '../shared/AppPage';
import { NEW_PIN_FLAG } from '../../sync/ssoFlags';
import { SSO_START } from './LoginPage';
import { unlockErrorText } from './unlockErrorText';

interface UnlockPageProps {
  profiles: readonly LocalProfile[];
  reason: LockReason;
  onOtherUser: () => void;
}

/**
 * The only screen while locked: choose a profile (when several caseworkers share the device),
 * type the password, "Lås op". Works offline. Focus starts in the password field so a keyboard
 * user can unlock at once after an auto-lock.
 */
export function UnlockPage({ profiles, reason, onOtherUser }: UnlockPageProps) {
  const t = useT();
  const [userId, setUserId] = useState(profiles[0]?.userId ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>('input[type="password"]')?.focus();
  }, []);

  const chosen = profiles.find((p) => p.userId === userId) ?? profiles[0];
  const byPin = chosen?.unlockKind === 'pin';

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (password === '') {
      setError(t(byPin ? 'vault.unlock.pinRequired' : 'vault.unlock.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await unlock(userId, password);
    } catch (err) {
      setError(unlockErrorText(t, err));
      setPassword('');
      setBusy(false);
    }
  }

  const notice = reason === 'start' ? null : t(`vault.reason.${reason}`);
  return (
    <main id="main" className="login">
      <AppPage screen="vault.unlock.title">
        {notice && <p role="status">{notice}</p>}
        <p>{t('vault.unlock.intro')}</p>
        <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
          {profiles.length > 1 && (
            <SelectField
              label={t('vault.unlock.profile')}
              value={userId}
              onChange={setUserId}
              options={profiles.map((p) => ({
                value: p.userId,
                label: `${p.displayName} (${p.username})`,
              }))}
            />
          )}
          {profiles.length === 1 && (
            <p>
              {profiles[0]?.displayName} ({profiles[0]?.username})
            </p>
          )}
          <PasswordSubmit
            label={t(byPin ? 'vault.unlock.pin' : 'vault.unlock.password')}
            password={password}
            onPasswordChange={setPassword}
            error={error}
            busy={busy}
            submitLabel={t('vault.unlock.submit')}
            busyLabel={t('vault.unlock.busy')}
          />
        </form>
        {byPin && chosen && (
          <p>
            {/* Online only: the provider's login releases the device secret, which opens the
                data so a new PIN can wrap it (nothing on the device is lost). */}
            <a href={SSO_START} onClick={() => sessionStorage.setItem(NEW_PIN_FLAG, chosen.userId)}>
              {t('vault.unlock.forgotPin')}
            </a>
          </p>
        )}
        <p>
          <button type="button" className="link-button" onClick={onOtherUser}>
            {t('vault.unlock.otherUser')}
          </button>
        </p>
        <AccessibilityStatementLink />
      </AppPage>
    </main>
  );
}
