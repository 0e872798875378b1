import { useCallback, useEffect, useRef, useState } from 'react';
import { draftsRepo } from '../db/drafts';
import { toDbError, type DbError } from '../db/errors';
import { realScheduler, type Scheduler } from '../sync/scheduler';
import { AUTOSAVE_TIMING, createSaveSchedule, type AutosaveTiming } from './autosaveSchedule';

export interface DraftAutosave<F> {
  /** The autosaved fields: undefined while loading, null when there is no local draft. */
  restored: F | null | undefined;
  /** When the draft was last saved locally (ISO), or null. */
  savedAt: string | null;
  /** The last failure to save locally, e.g. storage-full. */
  error: DbError | null;
  /** Call on every change; saves within AUTOSAVE_TIMING.maxWaitMs, also while typing goes on. */
  schedule: (fields: F) => void;
  /** Saves what is pending now (after any save already under way). */
  flush: () => Promise<void>;
  /** Forgets the local draft (after the note itself was saved). */
  discard: () => Promise<void>;
}

/**
 * Autosaves an editor's fields to db.drafts (local only, sealed, never synced) under `key`: a
 * debounce with a maximum wait, and immediately when the page is hidden, closed or the editor
 * unmounts. Saves run one after another, so an older save never lands after a newer one.
 */
export function useDraftAutosave<F extends Record<string, unknown>>(
  key: string,
  citizenId?: string,
  scheduler: Scheduler = realScheduler,
  timing: AutosaveTiming = AUTOSAVE_TIMING,
): DraftAutosave<F> {
  const [restored, setRestored] = useState<F | null | undefined>(undefined);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [error, setError] = useState<DbError | null>(null);
  const pending = useRef<F | null>(null);
  const saving = useRef<Promise<void>>(Promise.resolve());
  const flushRef = useRef<() => Promise<void>>(() => Promise.resolve());
  const scheduleRef = useRef<ReturnType<typeof createSaveSchedule> | null>(null);
  // Created on first use (not during render); it calls the latest flush through flushRef.
  const saveSchedule = useCallback(
    () =>
      (scheduleRef.current ??= createSaveSchedule(
        scheduler,
        timing,
        () => void flushRef.current(),
      )),
    [scheduler, timing],
  );

  const flush = useCallback((): Promise<void> => {
    saveSchedule().cancel();
    const fields = pending.current;
    if (!fields) return saving.current;
    pending.current = null;
    const save = async () => {
      const at = scheduler.now().toISOString();
      try {
        await draftsRepo.save({ key, ...(citizenId ? { citizenId } : {}), fields, savedAt: at });
        setSavedAt(at);
        setError(null);
      } catch (e) {
        // Keep the fields pending so the next keystroke or flush tries again.
        pending.current = pending.current ?? fields;
        setError(toDbError(e));
      }
    };
    saving.current = saving.current.then(save);
    return saving.current;
  }, [key, citizenId, saveSchedule, scheduler]);

  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  const schedule = useCallback(
    (fields: F) => {
      pending.current = fields;
      saveSchedule().changed();
    },
    [saveSchedule],
  );

  const discard = useCallback(async () => {
    saveSchedule().cancel();
    pending.current = null;
    // A save under way would otherwise bring the draft back after it was forgotten.
    await saving.current;
    await draftsRepo.discard(key);
    setSavedAt(null);
  }, [key, saveSchedule]);

  useEffect(() => {
    let active = true;
    draftsRepo.get(key).then(
      (entry) => {
        if (!active) return;
        setRestored((entry?.fields as F | undefined) ?? null);
        setSavedAt(entry?.savedAt ?? null);
      },
      (e: unknown) => {
        if (active) {
          setRestored(null);
          setError(toDbError(e));
        }
      },
    );
    return () => {
      active = false;
    };
  }, [key]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      // Leaving the editor (navigation, unmount) must not lose the last keystrokes.
      void flush();
    };
  }, [flush]);

  return { restored, savedAt, error, schedule, flush, discard };
}
