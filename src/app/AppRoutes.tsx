import { lazy, useEffect } from 'react';
import { Redirect, Route, Switch, useRoute } from 'wouter';
import { CasePage } from '../features/cases/CasePage';
import { CitizenEditPage, CitizenNewPage } from '../features/citizens/CitizenEditPage';
import { CitizenPage } from '../features/citizens/CitizenPage';
import { CitizensPage } from '../features/citizens/CitizensPage';
import { FollowUpsPage } from '../features/followups/FollowUpsPage';
import { LocationsPage } from '../features/locations/LocationsPage';
import { LoginPage } from '../features/login/LoginPage';
import { NoTeamPage } from '../features/login/NoTeamPage';
import { NoteEditorPage } from '../features/notes/NoteEditorPage';
import { TodayPage } from '../features/today/TodayPage';
import { VisitPage } from '../features/visits/VisitPage';
import { SessionContext, useSession } from '../hooks/useSession';
import { startSearchIndex } from '../hooks/search/searchService';
import { addMessages, useT } from '../i18n';
import { catalogs } from '../i18n/catalog';
import { lazyNamed } from './lazyNamed';
import { NotFoundPage } from './NotFoundPage';
import { Shell } from './Shell';
import { useAutoLock } from './useAutoLock';
import { defaultStartSync, useSyncEngine, type StartSync } from './useSyncEngine';

// The whole message catalog arrives with the signed-in app (the first load has the lock
// screen's), and is in place before any of these screens renders.
addMessages(catalogs);

// Screens opened now and then load when first opened (from the service worker's cache offline).
const AdminPage = lazyNamed(() => import('../features/admin/AdminPage'), 'AdminPage');
const ReloginPage = lazyNamed(() => import('../features/login/ReloginPage'), 'ReloginPage');
const HandoverPage = lazyNamed(() => import('../features/notes/HandoverPage'), 'HandoverPage');
const SettingsPage = lazyNamed(() => import('../features/settings/SettingsPage'), 'SettingsPage');
const NeedsAttentionPage = lazyNamed(
  () => import('../features/sync/NeedsAttentionPage'),
  'NeedsAttentionPage',
);
const ConflictsPage = lazyNamed(() => import('../features/sync/ConflictsPage'), 'ConflictsPage');
const UnsentPage = lazyNamed(() => import('../features/sync/UnsentPage'), 'UnsentPage');
/** Leads' statistics, with its charts: a caseworker never fetches it. */
const StatisticsPage = lazy(() => import('../features/statistics/StatisticsPage'));
const AccessibilityStatement = lazyNamed(
  () => import('../features/accessibility/AccessibilityStatementPage'),
  'AccessibilityStatement',
);
const StandaloneAccessibilityStatement = lazyNamed(
  () => import('../features/accessibility/AccessibilityStatementPage'),
  'StandaloneAccessibilityStatement',
);

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
        <Route path="/journalisering" component={HandoverPage} />
        <Route path="/indstillinger" component={SettingsPage} />
        <Route path="/til-behandling" component={NeedsAttentionPage} />
        <Route path="/konflikter" component={ConflictsPage} />
        <Route path="/venter" component={UnsentPage} />
        <Route path="/administration" component={AdminPage} />
        <Route path="/statistik" component={StatisticsPage} />
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

/** The unlocked store's screens: the session gate, the sync engine and the idle auto-lock. */
export function UnlockedRoutes({
  startSync = defaultStartSync,
  autoLockMinutes,
}: {
  /** The real engine unless given (null: none, in screen tests). */
  startSync: StartSync | undefined;
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
      {state.session.user.teamId === null ? (
        // Signed in with no team yet: whatever the address, only this (nothing to see or write).
        <Shell>
          <NoTeamPage session={state.session} />
        </Shell>
      ) : (
        <SignedInRoutes />
      )}
    </SessionContext.Provider>
  );
}
