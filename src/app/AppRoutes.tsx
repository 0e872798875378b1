import { Redirect, Route, Switch, useLocation } from 'wouter';
import { AdminPage } from '../features/admin/AdminPage';
import { CasePage } from '../features/cases/CasePage';
import { CitizenEditPage, CitizenNewPage } from '../features/citizens/CitizenEditPage';
import { CitizenPage } from '../features/citizens/CitizenPage';
import { CitizensPage } from '../features/citizens/CitizensPage';
import { FollowUpsPage } from '../features/followups/FollowUpsPage';
import { LocationsPage } from '../features/locations/LocationsPage';
import { LoginPage } from '../features/login/LoginPage';
import { NoteEditorPage } from '../features/notes/NoteEditorPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { NeedsAttentionPage } from '../features/sync/NeedsAttentionPage';
import { TodayPage } from '../features/today/TodayPage';
import { VisitPage } from '../features/visits/VisitPage';
import { SessionContext, useSession } from '../hooks/useSession';
import { useT } from '../i18n';
import { NotFoundPage } from './NotFoundPage';
import { Shell } from './Shell';
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
        <Route path="/indstillinger" component={SettingsPage} />
        <Route path="/til-behandling" component={NeedsAttentionPage} />
        <Route path="/administration" component={AdminPage} />
        <Route path="/login">
          <Redirect to="/" replace />
        </Route>
        <Route component={NotFoundPage} />
      </Switch>
    </Shell>
  );
}

/** Without a session every address leads to /login; with one, /login leads home. */
export function AppRoutes({ startSync }: { startSync: StartSync }) {
  const t = useT();
  const state = useSession();
  const [location] = useLocation();
  useSyncEngine(state.status === 'signed-in' ? state.session : undefined, startSync);
  if (state.status === 'loading') {
    return (
      <p className="app-loading" role="status">
        {t('shell.loading')}
      </p>
    );
  }
  if (state.status === 'signed-out') {
    return location === '/login' ? <LoginPage /> : <Redirect to="/login" replace />;
  }
  return (
    <SessionContext.Provider value={state.session}>
      <SignedInRoutes />
    </SessionContext.Provider>
  );
}
