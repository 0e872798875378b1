import { createTimer, type Scheduler } from '../sync/scheduler';

export interface AutosaveTiming {
  /** Save this long after the last change when the typing pauses. */
  quietMs: number;
  /** ...but never later than this after the first change not yet saved, pause or not. */
  maxWaitMs: number;
}

/**
 * A reload, a crash or a closed lid loses at most the typing of the last maxWaitMs plus the
 * moment a save takes (sealing and writing), also when the typing never pauses: a pure debounce
 * would save nothing until the caseworker stops to think. The promise is half a second; the rest
 * is margin for a slow, busy laptop.
 */
export const AUTOSAVE_TIMING: AutosaveTiming = { quietMs: 200, maxWaitMs: 300 };

/**
 * When to save typed text: a debounce with a maximum wait. `changed()` on every edit; `save` runs
 * after `quietMs` of quiet or `maxWaitMs` after the first unsaved edit, whichever comes first.
 */
export function createSaveSchedule(scheduler: Scheduler, timing: AutosaveTiming, save: () => void) {
  const timer = createTimer(scheduler);
  let firstUnsavedAt: number | null = null;
  const fire = () => {
    firstUnsavedAt = null;
    save();
  };
  return {
    changed(): void {
      const now = scheduler.now().getTime();
      firstUnsavedAt ??= now;
      const due = Math.min(now + timing.quietMs, firstUnsavedAt + timing.maxWaitMs);
      timer.set(fire, Math.max(0, due - now));
    },
    /** Forgets the waiting save (what it would have saved was saved or discarded another way). */
    cancel(): void {
      firstUnsavedAt = null;
      timer.clear();
    },
    /** When the next save runs (epoch ms), or null if nothing is waiting. */
    dueAt: (): number | null => timer.dueAt(),
  };
}
