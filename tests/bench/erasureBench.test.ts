import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { erasureScenario } from '../../bench/node/scenarios/erasure';
import { readSettings } from '../../bench/node/settings';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Scenario 12's machinery at a tiny scale on PostgreSQL: it erases the 500 notes and times it. */
describe('bench scenario 12 (erasure), at a tiny scale', () => {
  it('erases a citizen with 500 notes from a filled change log and reports the time', async () => {
    const settings = readSettings(ROOT, ROOT, {
      BENCH_SCALE: '0.01',
      BENCH_REPS: '1',
      BENCH_PG_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    });
    const row = await erasureScenario(settings, { log: () => {} });
    expect(row.id).toBe('12');
    expect(row.data).toMatchObject({ entries: 10_000, notes: 500 });
    expect(Number.isFinite((row.data.ms as number[])[0])).toBe(true);
  }, 120_000);
});
