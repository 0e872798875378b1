import { describe, expect, it } from 'vitest';
import { BACKOFF_MAX_MS, backoffCeilingMs, backoffDelayMs } from '../../../src/sync/backoff';

describe('backoff between failed syncs', () => {
  it('waits at most two seconds before the first retry and doubles the ceiling after each failure', () => {
    expect(backoffCeilingMs(1)).toBe(2_000);
    expect(backoffCeilingMs(2)).toBe(4_000);
    expect(backoffCeilingMs(3)).toBe(8_000);
    expect(backoffCeilingMs(6)).toBe(64_000);
  });

  it('never waits longer than five minutes, even after a hundred failures', () => {
    expect(backoffCeilingMs(9)).toBe(BACKOFF_MAX_MS);
    expect(backoffCeilingMs(100)).toBe(BACKOFF_MAX_MS);
    expect(backoffCeilingMs(5_000)).toBe(BACKOFF_MAX_MS);
  });

  it('spreads retries uniformly between zero and the ceiling (full jitter)', () => {
    expect(backoffDelayMs(3, { random: () => 0 })).toBe(0);
    expect(backoffDelayMs(3, { random: () => 0.5 })).toBe(4_000);
    expect(backoffDelayMs(3, { random: () => 0.999 })).toBe(7_992);
    const samples = Array.from({ length: 200 }, () => backoffDelayMs(4));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...samples)).toBeLessThan(16_000);
    expect(new Set(samples).size).toBeGreaterThan(50);
  });

  it('treats zero failures like the first', () => {
    expect(backoffCeilingMs(0)).toBe(2_000);
  });
});
