import { useEffect, useState } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import type { LockReason } from '../db';
import { AdminPage } from '../features/admin/AdminPage';
import { CasePage } from '../features/cases/CasePage';
import { CitizenEditPage, CitizenNewPage } from '../features/citizens/CitizenEditPage';
import { CitizenPage } from '../features/citizens/CitizenPage';
import { CitizensPage } from '../features/citizens/CitizensPage';
import { FollowUpsPage } from '../features/followups/FollowUpsPage';
import { LocationsPage } from '../features/locations/LocationsPage';
import { LoginPage } from '../features/login/LoginPage';
import { ReloginPage } from '../features/login/ReloginPage';
import { UnlockPage } from '../features/login/UnlockPage';
import { HandoverPage } from '../features/notes/HandoverPage';
import { NoteEditorPage } from '../features/notes/NoteEditorPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { NeedsAttentionPage } from '../features/sync/NeedsAttentionPage';
import { TodayPage } from '../features/today/TodayPage';
import { VisitPage } from '../features/visits/VisitPage';
import { SessionContext, useSession } from '../hooks/useSession';
import { startSearchIndex } from '../hooks/search/searchService';
import { useProfiles, useVaultState } from '../hooks/useVault';
import { useT } from '../i18n';
import { NotFoundPage } from './NotFoundPage';
import { Shell } from './Shell';
import { useAutoLock } from './useAutoLock';
import { useSyncEngine, type StartSync } from './useSyncEngine';

function SignedInRoutes() {
  return (
    <Shell>
      <Switch>
        <Route path="/" component={TodayPage} />
        <Route path="/borgere" component={CitizensPage} />
        <Route path="/borgere/ny" component={CitizenNewPage} />
        <Route path="/borgere/:id/rediger" component={CitizenEditPage} />
        <Route path="/borgere/:id" component={CitizenPage} />
        <Route path="/sager/:id" component={CasePage} />
        <Route path="/notater/ny" component={NoteEditorPage} />
        <Route path="/notater/:id" component={NoteEditorPage} />
        <Route path="/besoeg" component={VisitPage} />
        <Route path="/steder" component={LocationsPage} />
        <Route path="/opfoelgning" component={FollowUpsPage} />
        <Route path="/journalisering" component={HandoverPage} />
        <Route path="/indstillinger" component={SettingsPage} />
        <Route path="/til-behandling" component={NeedsAttentionPage} />
        <Route path="/administration" component={AdminPage} />
        <Route path="/logind-igen" component={ReloginPage} />
        <Route path="/login">
          <Redirect to="/" replace />
        </Route>
        <Route component={NotFoundPage} />
      </Switch>
    </Shell>
  );
}

/** While locked: unlock a profile on this device, or log in online (a new user, or none yet). */
function LockedGate({ reason }: { reason: LockReason }) {
  const t = useT();
  const profiles = useProfiles();
  const [loggingIn, setLoggingIn] = useState(false);
  if (profiles === undefined) {
    return (
      <p className="app-loading" role="status">
        {t('shell.loading')}
      </p>
    );
  }
  if (profiles.length === 0 || loggingIn) {
    return (
      <LoginPage
        notice={
          reason === 'revoked' || reason === 'signed-out' ? t(`vault.reason.${reason}`) : null
        }
        {...(profiles.length > 0 ? { onBack: () => setLoggingIn(false) } : {})}
      />
    );
  }
  return <UnlockPage profiles={profiles} reason={reason} onOtherUser={() => setLoggingIn(true)} />;
}

/** The unlocked store's screens: the session gate, the sync engine and the idle auto-lock. */
function UnlockedRoutes({
  startSync,
  autoLockMinutes,
}: {
  startSync: StartSync;
  autoLockMinutes: number;
}) {
  const t = useT();
  const state = useSession();
  useSyncEngine(state.status === 'signed-in' ? state.session : undefined, startSync);
  useAutoLock(autoLockMinutes);
  // The search index lives exactly as long as the store is unlocked (decrypted text in memory).
  useEffect(() => startSearchIndex(), []);
  useEffect(() => {
    // After unlocking, focus moves from the (gone) password field to the page's content.
    document.getElementById('main')?.focus();
  }, [state.status]);
  if (state.status === 'loading') {
    return (
      <p className="app-loading" role="status">
        {t('shell.loading')}
      </p>
    );
  }
  if (state.status === 'signed-out') return <LoginPage />;
  return (
    <SessionContext.Provider value={state.session}>
      <SignedInRoutes />
    </SessionContext.Provider>
  );
}

/**
 * Locked: only the unlock (or login) screen renders — nothing decrypted is mounted. Unlocked:
 * the user's screens, keyed by user so nothing of one profile survives into another's.
 */
export function AppRoutes({ startSync }: { startSync: StartSync }) {
  const vault = useVaultState();
  if (vault.status === 'locked') return <LockedGate reason={vault.reason} />;
  return (
    <UnlockedRoutes
      key={vault.profile.userId}
      startSync={startSync}
      autoLockMinutes={vault.profile.autoLockMinutes}
    />
  );
}
