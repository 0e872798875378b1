import { lazy, Suspense, useEffect, useState } from 'react';
import { Redirect, Route, Switch, useRoute } from 'wouter';
import type { LockReason } from '../db';
import {
  AccessibilityStatement,
  StandaloneAccessibilityStatement,
} from '../features/accessibility/AccessibilityStatementPage';
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
import { NoteEditorPage } from '../features/notes/NoteEditorPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ConflictsPage } from '../features/sync/ConflictsPage';
import { NeedsAttentionPage } from '../features/sync/NeedsAttentionPage';
import { UnsentPage } from '../features/sync/UnsentPage';
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

/** Leads' statistics, with its charts: loaded only when opened, so a caseworker never fetches it. */
const StatisticsPage = lazy(() => import('../features/statistics/StatisticsPage'));

function StatisticsRoute() {
  const t = useT();
  return (
    <Suspense
      fallback={
        <p className="app-loading" role="status">
          {t('shell.loading')}
        </p>
      }
    >
      <StatisticsPage />
    </Suspense>
  );
}

/** The accessibility statement: in the shell when signed in, on its own before (and offline). */
const STATEMENT_PATH = '/tilgaengelighed';

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
        <Route path="/indstillinger" component={SettingsPage} />
        <Route path="/til-behandling" component={NeedsAttentionPage} />
        <Route path="/konflikter" component={ConflictsPage} />
        <Route path="/venter" component={UnsentPage} />
        <Route path="/administration" component={AdminPage} />
        <Route path="/statistik" component={StatisticsRoute} />
        <Route path="/logind-igen" component={ReloginPage} />
        <Route path={STATEMENT_PATH} component={AccessibilityStatement} />
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
  const [onStatement] = useRoute(STATEMENT_PATH);
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
  if (state.status === 'signed-out') {
    return onStatement ? <StandaloneAccessibilityStatement /> : <LoginPage />;
  }
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
  const [onStatement] = useRoute(STATEMENT_PATH);
  if (vault.status === 'locked') {
    return onStatement ? (
      <StandaloneAccessibilityStatement />
    ) : (
      <LockedGate reason={vault.reason} />
    );
  }
  return (
    <UnlockedRoutes
      key={vault.profile.userId}
      startSync={startSync}
      autoLockMinutes={vault.profile.autoLockMinutes}
    />
  );
}
