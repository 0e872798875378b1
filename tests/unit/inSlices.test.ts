import { describe, expect, it } from 'vitest';
import { inSlices } from '../../src/sync/inSlices';

const items = Array.from({ length: 100 }, (_, i) => i);

describe('background work in slices', () => {
  it('hands every item to the work once, in order, and returns each slice’s result', async () => {
    const seen: number[] = [];
    const sums = await inSlices(items, (some) => {
      seen.push(...some);
      return some.reduce((a, b) => a + b, 0);
    });
    expect(seen).toEqual(items);
    expect(sums.reduce((a, b) => a + b, 0)).toBe(4950);
    expect(sums.length).toBeGreaterThan(1);
  });

  it('lets a waiting task (a key press) run between slices once a slice has taken too long', async () => {
    let clock = 0;
    const order: string[] = [];
    setTimeout(() => order.push('key press'), 0);
    await inSlices(
      items,
      (some) => {
        order.push(`slice ${some[0]}`);
      },
      // Every look at the clock finds a slice's budget spent.
      () => (clock += 10),
    );
    expect(order.indexOf('key press')).toBeGreaterThan(0);
    expect(order.indexOf('key press')).toBeLessThan(order.length - 1);
  });

  it('keeps going without yielding while the slices are quick', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    await inSlices(
      items,
      (some) => void order.push(`slice ${some[0]}`),
      () => 0,
    );
    expect(order).not.toContain('timer');
  });
});
