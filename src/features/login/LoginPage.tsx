import { useState, type FormEvent } from 'react';
import { useSignIn } from '../../hooks/useSignIn';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { TextField } from '../../ui/TextField';
import { AppPage } from '../shared/AppPage';
import { loginErrorText } from './loginErrorText';

/** Username and password; after the first login the app works offline from the stored session. */
export function LoginPage() {
  const t = useT();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (username.trim() === '' || password === '') {
      setError(t('login.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // On success the session appears in db.meta and the router leaves /login by itself.
      await signIn(username.trim(), password);
    } catch (err) {
      setError(loginErrorText(t, err));
      setBusy(false);
    }
  }

  return (
    <main id="main" className="login">
      <AppPage title={t('login.title')}>
        <p>{t('login.intro')}</p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            label={t('login.username')}
            value={username}
            onChange={setUsername}
            autoComplete="username"
            autoCapitalize="none"
            required
          />
          <TextField
            label={t('login.password')}
            type="password"
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            required
          />
          {error && <Alert>{error}</Alert>}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('login.busy') : t('login.submit')}
          </button>
        </form>
      </AppPage>
    </main>
  );
}
