import { Suspense, useEffect, useState, type FormEvent } from 'react';
import { useSignIn } from '../../hooks/useSignIn';
import { useT } from '../../i18n';
import type { AuthConfigResponse } from '../../protocol';
import { createApiClient } from '../../sync/apiClient';
import { PasswordSubmit } from '../../ui/PasswordSubmit';
import { TextField } from '../../ui/TextField';
import { AccessibilityStatementLink } from '../accessibility/AccessibilityStatementPage';
import { AppPage } from '../shared/AppPage';
import { ApiError } from '../../sync/apiClient';
import { loginErrorText } from './loginErrorText';
import { lazyNamed } from '../../app/lazyNamed';

// Shown once, after signing in with an initial password: its checks use the API's schemas and the
// whole message catalog, which the first load (this screen) must not carry.
const ChangePasswordForm = lazyNamed(() => import('./ChangePasswordForm'), 'ChangePasswordForm');

/** The server route that sends the browser to the municipality's login (auth/oidc.ts). */
export const SSO_START = '/api/auth/oidc/start';

/** What the server offers for single sign-on; nothing offline (the links would lead nowhere). */
function useSsoOffered(): AuthConfigResponse {
  const [offered, setOffered] = useState<AuthConfigResponse>({ sso: false });
  useEffect(() => {
    let live = true;
    createApiClient({ timeoutMs: 5_000 })
      .authConfig()
      .then((config) => {
        if (live) setOffered(config);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return offered;
}

interface LoginPageProps {
  /** Why the caseworker is here (logged out, device revoked), shown above the form. */
  notice?: string | null;
  /** Known username (signing in again after the session expired): shown, not typed. */
  username?: string;
  intro?: string;
  /** Back to the unlock screen, when profiles exist on this device. */
  onBack?: () => void;
  onSignedIn?: () => void;
  /** Just logged out: offer the municipality login's logout too (a shared device). */
  offerProviderLogout?: boolean;
  /** Inside the app's shell (which has the main landmark already). */
  embedded?: boolean;
}

/**
 * The online login: username and password. The first login on a device creates the user's
 * encrypted store; later ones (a new session after expiry) re-open the same store. After it the
 * app unlocks offline with the password.
 */
export function LoginPage({
  notice,
  username: knownUsername,
  intro,
  onBack,
  onSignedIn,
  offerProviderLogout = false,
  embedded = false,
}: LoginPageProps) {
  const t = useT();
  const signIn = useSignIn();
  const [username, setUsername] = useState(knownUsername ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sso = useSsoOffered();
  // The password was an initial one: the user must choose their own before signing in.
  const [mustChange, setMustChange] = useState(false);

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
      onSignedIn?.();
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.code === 'password-change-required') {
        setMustChange(true);
        return;
      }
      setError(loginErrorText(t, err));
    }
  }

  const page = (
    <AppPage screen="login.title">
      {notice && <p role="status">{notice}</p>}
      {offerProviderLogout && sso.endSessionUrl && (
        <p>
          <a href={sso.endSessionUrl}>{t('login.sso.providerLogout')}</a>
        </p>
      )}
      {mustChange ? (
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          <ChangePasswordForm
            username={username.trim()}
            currentPassword={password}
            signIn={async (name, newPassword) => {
              await signIn(name, newPassword);
              onSignedIn?.();
            }}
          />
        </Suspense>
      ) : (
        <>
          <p>{intro ?? t('login.intro')}</p>
          {sso.sso && (
            <>
              <p>
                {/* A navigation, not fetch: the provider's login page takes over the window. */}
                <a className="button primary" href={SSO_START}>
                  {t('login.sso')}
                </a>
              </p>
              <p>{t('login.sso.or')}</p>
            </>
          )}
          <form onSubmit={(e) => void submit(e)} noValidate>
            {knownUsername === undefined && (
              <TextField
                label={t('login.username')}
                value={username}
                onChange={setUsername}
                autoComplete="username"
                autoCapitalize="none"
                required
              />
            )}
            <PasswordSubmit
              label={t('login.password')}
              password={password}
              onPasswordChange={setPassword}
              error={error}
              busy={busy}
              submitLabel={t('login.submit')}
              busyLabel={t('login.busy')}
            />
          </form>
        </>
      )}
      {onBack && (
        <p>
          <button type="button" className="link-button" onClick={onBack}>
            {t('vault.unlock.backToUnlock')}
          </button>
        </p>
      )}
      <AccessibilityStatementLink />
    </AppPage>
  );
  if (embedded) return page;
  return (
    <main id="main" className="login">
      {page}
    </main>
  );
}
