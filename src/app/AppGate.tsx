import { Suspense, useEffect, useState } from 'react';
import type { LockReason } from '../db';
import { LoginPage } from '../features/login/LoginPage';
import { UnlockPage } from '../features/login/UnlockPage';
import { useProfiles, useVaultState } from '../hooks/useVault';
import { useT } from '../i18n';
import { lazyNamed } from './lazyNamed';
import type { StartSync } from './useSyncEngine';

// The signed-in app (its screens, the sync engine, the domain schemas) is a chunk of its own, so
// the first load is only what the unlock and login screens need; it is fetched while they show.
const loadUnlockedRoutes = () => import('./AppRoutes');
const UnlockedRoutes = lazyNamed(loadUnlockedRoutes, 'UnlockedRoutes');

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
  // Warm the signed-in app while the password is being typed; a failure (offline before the
  // service worker cached it) is retried by the lazy route itself on unlock.
  useEffect(() => {
    loadUnlockedRoutes().catch(() => undefined);
  }, []);
  if (profiles === undefined) return <AppLoading />;
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

/**
 * Locked: only the unlock (or login) screen renders — nothing decrypted is mounted. Unlocked:
 * the user's screens, keyed by user so nothing of one profile survives into another's.
 */
export function AppRoutes({ startSync }: { startSync: StartSync | undefined }) {
  const vault = useVaultState();
  if (vault.status === 'locked') return <LockedGate reason={vault.reason} />;
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
