import { Suspense, useEffect, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { LockButton } from '../features/login/LockButton';
import { PwaStatus } from '../features/pwa/PwaStatus';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { useT } from '../i18n';
import { NavBar } from './NavBar';

/**
 * After a navigation, focus goes to the new page's <h1> (a new page does this itself when it
 * mounts; this covers a screen that stays mounted, e.g. one citizen to the next), unless the
 * caseworker is already working inside the page (a field there keeps its focus).
 */
function useFocusHeadingOnNavigation(): void {
  const [location] = useLocation();
  useEffect(() => {
    const main = document.getElementById('main');
    const active = document.activeElement;
    if (!main || (active && active !== document.body && main.contains(active))) return;
    main.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
  }, [location]);
}

/** Skip link, header (name, navigation, sync and PWA status) and the main landmark. */
export function Shell({ children }: { children: ReactNode }) {
  const t = useT();
  useFocusHeadingOnNavigation();
  return (
    <>
      <a href="#main" className="skip-link">
        {t('shell.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-brand-bar">
          <span className="app-name">{t('app.name')}</span>
          <NavBar />
          <LockButton />
        </div>
        {/* A light strip: the sync and PWA components are designed for a light background. */}
        <div className="app-status-bar">
          <SyncIndicator />
          <PwaStatus />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        {/* A screen loaded on first opening (lazy) announces itself while it loads. */}
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>{children}</Suspense>
      </main>
    </>
  );
}
