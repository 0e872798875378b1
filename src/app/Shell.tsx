import { Suspense, type ReactNode } from 'react';
import { LockButton } from '../features/login/LockButton';
import { PwaStatus } from '../features/pwa/PwaStatus';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { useT } from '../i18n';
import { NavBar } from './NavBar';

/** Skip link, header (name, navigation, sync and PWA status) and the main landmark. */
export function Shell({ children }: { children: ReactNode }) {
  const t = useT();
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
