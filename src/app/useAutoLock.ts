import { useEffect } from 'react';
import { lastActivityAt, lockEverywhere, reportActivity } from '../db';

/** How often the idle time is checked, and how often input is told to the other tabs. */
const CHECK_EVERY_MS = 5_000;
const REPORT_EVERY_MS = 5_000;
const INPUT_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/**
 * Locks every tab after `minutes` without pointer, keyboard or touch input in any tab (tabs
 * share their input times over the vault channel). Runs only while unlocked.
 */
export function useAutoLock(minutes: number): void {
  useEffect(() => {
    let lastReport = 0;
    reportActivity();
    const onInput = () => {
      const now = Date.now();
      if (now - lastReport < REPORT_EVERY_MS) return;
      lastReport = now;
      reportActivity(now);
    };
    for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, { passive: true });
    const checkIdle = () => {
      if (Date.now() - lastActivityAt() >= minutes * 60_000) lockEverywhere('idle');
    };
    const timer = setInterval(checkIdle, CHECK_EVERY_MS);
    // A page restored from the back/forward cache was frozen with its timers: without this check
    // it would show case data until the next tick, however long the caseworker was away.
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) checkIdle();
    };
    window.addEventListener('pageshow', onPageShow);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pageshow', onPageShow);
      for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput);
    };
  }, [minutes]);
}
