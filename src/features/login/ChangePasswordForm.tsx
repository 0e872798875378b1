import { useState, type FormEvent } from 'react';
import { ChangePasswordRequestSchema } from '../../protocol';
import { useT } from '../../i18n';
import { createApiClient } from '../../sync/apiClient';
import { Alert } from '../../ui/Alert';
import { TextField } from '../../ui/TextField';
import { schemaErrors } from '../shared/schemaErrors';
import { loginErrorText } from './loginErrorText';

interface ChangePasswordFormProps {
  username: string;
  /** The temporary password just accepted by the server. */
  currentPassword: string;
  /** Signs in with the new password (the store is created with it). */
  signIn: (username: string, password: string) => Promise<void>;
}

/**
 * After a login with an initial password (the server answered password-change-required): the
 * user chooses their own, then is signed in with it. Checked with the API's schema first.
 */
export function ChangePasswordForm({ username, currentPassword, signIn }: ChangePasswordFormProps) {
  const t = useT();
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ newPassword?: string; repeat?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = { username, password: currentPassword, newPassword: next };
    const found = schemaErrors(
      ChangePasswordRequestSchema,
      body,
      { newPassword: 'login.change.tooShort' },
      { newPassword: 'login.change.same' },
    );
    const shown = {
      ...(found.newPassword ? { newPassword: t(found.newPassword) } : {}),
      ...(!found.newPassword && next !== repeat ? { repeat: t('login.change.mismatch') } : {}),
    };
    setErrors(shown);
    if (shown.newPassword || shown.repeat) return;
    setBusy(true);
    setFailure(null);
    try {
      await createApiClient().changePassword(body);
      await signIn(username, next);
    } catch (err) {
      setFailure(loginErrorText(t, err));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="change-password-heading">
      <h2 id="change-password-heading">{t('login.change.heading')}</h2>
      <p>{t('login.change.intro')}</p>
      <TextField
        label={t('login.change.new')}
        hint={t('login.change.newHint')}
        type="password"
        value={next}
        onChange={setNext}
        error={errors.newPassword}
        required
      />
      <TextField
        label={t('login.change.repeat')}
        type="password"
        value={repeat}
        onChange={setRepeat}
        error={errors.repeat}
        required
      />
      {failure && <Alert>{failure}</Alert>}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('login.change.busy') : t('login.change.submit')}
      </button>
    </form>
  );
}
