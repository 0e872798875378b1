/** Timers and clock behind one seam, so tests drive backoff without waiting for real minutes. */
export interface Scheduler {
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  now: () => Date;
}

export const realScheduler: Scheduler = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => new Date(),
};

/** One named timer that replaces itself: scheduling again cancels the earlier one. */
export function createTimer(scheduler: Scheduler) {
  let handle: unknown = null;
  let dueAt: number | null = null;
  return {
    set(fn: () => void, ms: number): void {
      this.clear();
      dueAt = scheduler.now().getTime() + ms;
      handle = scheduler.setTimeout(() => {
        handle = null;
        dueAt = null;
        fn();
      }, ms);
    },
    clear(): void {
      if (handle !== null) scheduler.clearTimeout(handle);
      handle = null;
      dueAt = null;
    },
    /** When the timer fires (epoch ms), or null if none is set. */
    dueAt: (): number | null => dueAt,
  };
}
