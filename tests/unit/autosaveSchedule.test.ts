import { describe, expect, it } from 'vitest';
import { createSaveSchedule } from '../../src/hooks/autosaveSchedule';
import type { Scheduler } from '../../src/sync/scheduler';

/** Virtual time: timers fire only when the test advances the clock. */
function virtualTime() {
  let now = Date.parse('2026-12-06T09:00:00.000Z');
  let timers: { id: number; at: number; fn: () => void }[] = [];
  let nextId = 1;
  const scheduler: Scheduler = {
    setTimeout: (fn, ms) => {
      timers.push({ id: nextId, at: now + ms, fn });
      return nextId++;
    },
    clearTimeout: (handle) => {
      timers = timers.filter((t) => t.id !== handle);
    },
    now: () => new Date(now),
  };
  return {
    scheduler,
    /** Moves the clock forward, firing every timer due on the way, in order. */
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const next = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        timers = timers.filter((t) => t !== next);
        now = next.at;
        next.fn();
      }
      now = end;
    },
    now: () => now,
  };
}

const timing = { quietMs: 250, maxWaitMs: 400 };

describe('the autosave schedule', () => {
  it('saves after a short quiet when the typing pauses', () => {
    const time = virtualTime();
    const saves: number[] = [];
    const schedule = createSaveSchedule(time.scheduler, timing, () => saves.push(time.now()));
    const start = time.now();
    schedule.changed();
    time.advance(249);
    expect(saves).toEqual([]);
    time.advance(1);
    expect(saves).toEqual([start + 250]);
    time.advance(5_000);
    expect(saves).toHaveLength(1);
  });

  it('saves at least every maxWait while the typing never pauses', () => {
    const time = virtualTime();
    const saves: number[] = [];
    const schedule = createSaveSchedule(time.scheduler, timing, () => saves.push(time.now()));
    const start = time.now();
    // Ten seconds of steady typing, a keystroke every 50 ms, never a pause.
    for (let t = 0; t < 10_000; t += 50) {
      schedule.changed();
      time.advance(50);
    }
    expect(saves.length).toBeGreaterThanOrEqual(24);
    // No stretch of typing goes unsaved for longer than maxWait.
    const gaps = saves.map((at, i) => at - (i === 0 ? start : saves[i - 1]!));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(400);
  });

  it('counts the maximum wait from the first unsaved keystroke, not from the last save', () => {
    const time = virtualTime();
    const saves: number[] = [];
    const schedule = createSaveSchedule(time.scheduler, timing, () => saves.push(time.now()));
    schedule.changed();
    time.advance(250);
    expect(saves).toHaveLength(1);
    // Idle for a while, then type again: the clock starts anew at this keystroke.
    time.advance(3_000);
    const resumed = time.now();
    for (let i = 0; i < 20; i++) {
      schedule.changed();
      time.advance(100);
    }
    expect(saves[1]).toBe(resumed + 400);
  });

  it('waits for nothing once cancelled (saved or discarded another way)', () => {
    const time = virtualTime();
    const saves: number[] = [];
    const schedule = createSaveSchedule(time.scheduler, timing, () => saves.push(time.now()));
    schedule.changed();
    time.advance(100);
    schedule.cancel();
    expect(schedule.dueAt()).toBeNull();
    time.advance(5_000);
    expect(saves).toEqual([]);
  });
});
