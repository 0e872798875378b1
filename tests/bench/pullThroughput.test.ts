import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measurePull, seedPullCaseload } from '../../bench/node/pullThroughput';
import { openBenchDatabase } from '../../bench/node/serverAdapter';

/** `npm run bench:pull`'s machinery at a tiny scale: every page read, every record counted once. */
describe('the in-process pull measure, at a tiny scale', () => {
  it('reads a seeded caseload in pages of 1,000 and of 60 and reports its CPU per 100,000 records', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fremskudt-pullbench-test-'));
    const database = await openBenchDatabase({ sqlitePath: join(dir, 'pull.sqlite') });
    try {
      await seedPullCaseload(database, 1_500);
      const [big, small] = await measurePull(database, 1, [1_000, 60]);
      expect(big).toMatchObject({ limit: 1_000, pages: 2 });
      expect(small).toMatchObject({ limit: 60, pages: 25 });
      expect(big!.megabytes).toBeGreaterThan(1);
      // The same records; smaller pages add only their envelopes (a cursor each).
      expect(small!.megabytes).toBeGreaterThan(big!.megabytes);
      expect(small!.megabytes).toBeLessThan(big!.megabytes * 1.01);
      for (const m of [big!, small!]) {
        expect(m.cpuMs[0]).toBeGreaterThan(0);
        expect(Number.isFinite(m.wallMs[0])).toBe(true);
      }
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
