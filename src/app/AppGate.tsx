import { Suspense, useEffect, useState } from 'react';
import { useRoute } from 'wouter';
import type { LockReason } from '../db';
import { LoginPage } from '../features/login/LoginPage';
import { ssoReturn } from '../features/login/ssoReturn';
import { UnlockPage } from '../features/login/UnlockPage';
import { useProfiles, useVaultState } from '../hooks/useVault';
import { useT } from '../i18n';
import { lazyNamed } from './lazyNamed';
import type { StartSync } from './useSyncEngine';

// The signed-in app (its screens, the sync engine, the domain schemas) is a chunk of its own, so
// the first load is only what the unlock and login screens need; it is fetched while they show.
const loadUnlockedRoutes = () => import('./AppRoutes');
const UnlockedRoutes = lazyNamed(loadUnlockedRoutes, 'UnlockedRoutes');
// Only after the provider sent the browser back: the sign-in code is not part of the first load.
const SsoLanding = lazyNamed(() => import('../features/login/SsoLanding'), 'SsoLanding');
// Readable before login and while locked (and offline: precached), but not part of the first load.
const StandaloneAccessibilityStatement = lazyNamed(
  () => import('../features/accessibility/AccessibilityStatementPage'),
  'StandaloneAccessibilityStatement',
);
/** The statement's address; AppRoutes.STATEMENT_PATH too (not imported: that is a later chunk). */
const STATEMENT_PATH = '/tilgaengelighed';

function AppLoading() {
  const t = useT();
  return (
    <p className="app-loading" role="status">
      {t('shell.loading')}
    </p>
  );
}

/** While locked: unlock a profile on this device, or log in online (a new user, or none yet). */
function LockedGate({ reason }: { reason: LockReason }) {
  const t = useT();
  const profiles = useProfiles();
  const [loggingIn, setLoggingIn] = useState(false);
  const [sso] = useState(() => ssoReturn(window.location.search));
  // Warm the signed-in app while the password is being typed; a failure (offline before the
  // service worker cached it) is retried by the lazy route itself on unlock.
  useEffect(() => {
    loadUnlockedRoutes().catch(() => undefined);
  }, []);
  if (sso) {
    return (
      <Suspense fallback={<AppLoading />}>
        <SsoLanding outcome={sso} />
      </Suspense>
    );
  }
  if (profiles === undefined) return <AppLoading />;
  if (profiles.length === 0 || loggingIn) {
    return (
      <LoginPage
        notice={
          reason === 'revoked' || reason === 'signed-out' || reason === 'pin-wiped'
            ? t(`vault.reason.${reason}`)
            : null
        }
        {...(profiles.length > 0 ? { onBack: () => setLoggingIn(false) } : {})}
        offerProviderLogout={reason === 'signed-out'}
      />
    );
  }
  return <UnlockPage profiles={profiles} reason={reason} onOtherUser={() => setLoggingIn(true)} />;
}

/**
 * Locked: only the unlock (or login) screen renders — nothing decrypted is mounted. Unlocked:
 * the user's screens, keyed by user so nothing of one profile survives into another's.
 */
export function AppRoutes({ startSync }: { startSync: StartSync | undefined }) {
  const vault = useVaultState();
  const [onStatement] = useRoute(STATEMENT_PATH);
  if (vault.status === 'locked') {
    return onStatement ? (
      <Suspense fallback={<AppLoading />}>
        <StandaloneAccessibilityStatement />
      </Suspense>
    ) : (
      <LockedGate reason={vault.reason} />
    );
  }
  return (
    <Suspense fallback={<AppLoading />}>
      <UnlockedRoutes
        key={vault.profile.userId}
        startSync={startSync}
        autoLockMinutes={vault.profile.autoLockMinutes}
      />
    </Suspense>
  );
}
