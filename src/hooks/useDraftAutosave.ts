import { useCallback, useEffect, useRef, useState } from 'react';
import { draftsRepo } from '../db/drafts';
import { toDbError, type DbError } from '../db/errors';

/** Saved at most this long after the last keystroke, so a crash loses at most about a second. */
export const AUTOSAVE_DELAY_MS = 800;

export interface DraftAutosave<F> {
  /** The autosaved fields: undefined while loading, null when there is no local draft. */
  restored: F | null | undefined;
  /** When the draft was last saved locally (ISO), or null. */
  savedAt: string | null;
  /** The last failure to save locally, e.g. storage-full. */
  error: DbError | null;
  /** Call on every change; saves after AUTOSAVE_DELAY_MS of quiet. */
  schedule: (fields: F) => void;
  /** Saves what is pending now. */
  flush: () => Promise<void>;
  /** Forgets the local draft (after the note itself was saved). */
  discard: () => Promise<void>;
}

/**
 * Autosaves an editor's fields to db.drafts (local only, never synced) under `key`, debounced,
 * and immediately when the page is hidden, closed or the editor unmounts.
 */
export function useDraftAutosave<F extends Record<string, unknown>>(
  key: string,
  citizenId?: string,
): DraftAutosave<F> {
  const [restored, setRestored] = useState<F | null | undefined>(undefined);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [error, setError] = useState<DbError | null>(null);
  const pending = useRef<F | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const fields = pending.current;
    if (!fields) return;
    pending.current = null;
    const at = new Date().toISOString();
    try {
      await draftsRepo.save({ key, ...(citizenId ? { citizenId } : {}), fields, savedAt: at });
      setSavedAt(at);
      setError(null);
    } catch (e) {
      // Keep the fields pending so the next keystroke or flush tries again.
      pending.current = pending.current ?? fields;
      setError(toDbError(e));
    }
  }, [key, citizenId]);

  const schedule = useCallback(
    (fields: F) => {
      pending.current = fields;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  const discard = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
    await draftsRepo.discard(key);
    setSavedAt(null);
  }, [key]);

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
      // Leaving the editor (navigation, unmount) must not lose the last seconds of typing.
      void flush();
    };
  }, [flush]);

  return { restored, savedAt, error, schedule, flush, discard };
}
