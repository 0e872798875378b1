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
    const timer = setInterval(() => {
      if (Date.now() - lastActivityAt() >= minutes * 60_000) lockEverywhere('idle');
    }, CHECK_EVERY_MS);
    return () => {
      clearInterval(timer);
      for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput);
    };
  }, [minutes]);
}
