import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { useOfflineReadiness } from './usePwaState';

/** How long "Klar til brug uden net" stays for screen readers after the preparation finished. */
const READY_SHOWN_MS = 8_000;

/**
 * In the header while the app is not yet ready to work without a network (the first visit on a
 * device: the service worker is still storing every screen's code), so a caseworker does not go
 * offline too early. When that finishes the line goes (the header is one line again) and a screen
 * reader hears "Klar til brug uden net" (a polite status, kept a few seconds, visually hidden).
 * Nothing when the app was ready already, or cannot be (no service worker).
 */
export function OfflineReadinessNotice() {
  const t = useT();
  const readiness = useOfflineReadiness();
  const wasPreparing = useRef(false);
  const [justReady, setJustReady] = useState(false);
  useEffect(() => {
    if (readiness === 'preparing') wasPreparing.current = true;
    if (readiness !== 'ready' || !wasPreparing.current) return;
    wasPreparing.current = false;
    setJustReady(true);
    const timer = setTimeout(() => setJustReady(false), READY_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [readiness]);
  const text =
    readiness === 'preparing'
      ? t('pwa.offline.preparing')
      : justReady
        ? t('pwa.offline.ready')
        : null;
  return (
    <p className={justReady ? 'pwa-offline visually-hidden' : 'pwa-offline'} role="status">
      {text}
    </p>
  );
}

/** For the header's details: "Klar til brug uden net", or that it is being prepared. */
export function OfflineReadinessLine() {
  const t = useT();
  const readiness = useOfflineReadiness();
  if (readiness === 'unsupported') return null;
  return <p>{t(readiness === 'ready' ? 'pwa.offline.ready' : 'pwa.offline.preparing')}</p>;
}
