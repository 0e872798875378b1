import { useEffect } from 'react';
import { Router, type BaseLocationHook } from 'wouter';
import { useLocaleStore } from '../stores/localeStore';
import { AppRoutes } from './AppGate';
import { ErrorBoundary } from './ErrorBoundary';
import type { StartSync } from './useSyncEngine';

interface AppProps {
  /** A location hook for tests (wouter's memoryLocation); the browser's address by default. */
  locationHook?: BaseLocationHook;
  /** Starts the sync engine when signed in (the real engine by default); null in screen tests. */
  startSync?: StartSync;
}

/** The whole app: error boundary, router and the routes behind the session gate. */
export function App({ locationHook, startSync }: AppProps) {
  const locale = useLocaleStore((s) => s.locale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <ErrorBoundary>
      <Router {...(locationHook ? { hook: locationHook } : {})}>
        <AppRoutes startSync={startSync} />
      </Router>
    </ErrorBoundary>
  );
}
