import { useState } from 'react';
import { setSession, type Session } from '../../db/session';
import { useT } from '../../i18n';
import { createApiClient } from '../../sync/apiClient';
import { StatusMessage } from '../../ui/Alert';
import { LogoutSection } from '../settings/LogoutSection';
import { AppPage } from '../shared/AppPage';

/**
 * A signed-in user who belongs to no team yet (created at their first single sign-on): they see
 * nothing until a lead adds them. "Tjek igen" asks the server for the profile and, once it names a
 * team, stores it; the app then shows its screens and the next sync pulls the team.
 */
export function NoTeamPage({ session }: { session: Session }) {
  const t = useT();
  const [status, setStatus] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const check = async () => {
    setBusy(true);
    setStatus(undefined);
    try {
      const { user } = await createApiClient({ token: () => session.token }).me();
      if (user.teamId) await setSession({ ...session, user });
      else setStatus(t('shell.noTeam.still'));
    } catch {
      setStatus(t('shell.noTeam.offline'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <AppPage screen="shell.noTeam.heading">
      <p>{t('shell.noTeam.body', { username: session.user.username })}</p>
      <button type="button" onClick={() => void check()} disabled={busy}>
        {t('shell.noTeam.check')}
      </button>
      {status && <StatusMessage>{status}</StatusMessage>}
      <LogoutSection />
    </AppPage>
  );
}
