import { useLocation } from 'wouter';
import { useSignedInSession } from '../../hooks/useSession';
import { useT } from '../../i18n';
import { LoginPage } from './LoginPage';

/**
 * /logind-igen: the server said 401 (session expired or revoked). The outbox is kept; an online
 * login with the password binds a new session to the same profile and store, and syncing resumes.
 */
export function ReloginPage() {
  const t = useT();
  const session = useSignedInSession();
  const [, navigate] = useLocation();
  return (
    <LoginPage
      username={session?.user.username ?? ''}
      intro={t('vault.relogin.intro')}
      onSignedIn={() => navigate('/', { replace: true })}
      embedded
    />
  );
}
