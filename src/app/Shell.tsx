import type { ReactNode } from 'react';
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
        <div className="app-header-top">
          <span className="app-name">{t('app.name')}</span>
          <SyncIndicator />
        </div>
        <NavBar />
        <PwaStatus />
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        {children}
      </main>
    </>
  );
}
