/**
 * Scenario 12: erasing one citizen with 500 notes (POST /api/citizens/:id/erase's work:
 * retention/eraseCitizen.ts) when the change log holds 1,000,000 entries, on PostgreSQL. The
 * history is old tombstones of the same team (fillChangeLog), so the erasure has to find the
 * citizen's entries among them. Target: within a second.
 */
import { sql } from 'kysely';
import { createDatabase } from '../../../src/server/data/createDatabase';
import { runMigrations } from '../../../src/server/data/migrate';
import { eraseCitizen } from '../../../src/server/retention/eraseCitizen';
import { benchId, CITIZEN_KIND } from '../../shared/generate';
import type { BenchContext, ResultRow } from '../result';
import { createBenchUser, fillChangeLog, seedCaseload } from '../serverAdapter';
import { scaled, type BenchSettings } from '../settings';
import { fmt, median } from '../stats';
import { createTempPostgres } from '../tempPostgres';

const LOG = 1_000_000;
const NOTES = 500;
const TARGET_MS = 1_000;
const TEAM = 'bench';

export async function erasureScenario(
  settings: BenchSettings,
  bench: BenchContext,
): Promise<ResultRow> {
  if (!settings.postgresUrl) {
    return {
      id: '12',
      scenario: `erase a citizen with ${NOTES} notes (PostgreSQL)`,
      ours: 'not run (no PostgreSQL)',
      reference: '—',
      ratio: null,
      target: `≤ ${fmt(TARGET_MS)} ms`,
      pass: null,
      data: {},
    };
  }
  const postgresUrl = settings.postgresUrl;
  const entries = scaled(settings, LOG, 2_000);
  const reps = Math.max(1, settings.reps);
  bench.log(`12: erasing a citizen with ${NOTES} notes, change log of ${entries} entries`);
  const times: number[] = [];
  const fills: number[] = [];
  for (let rep = 0; rep < reps; rep++) {
    const temp = await createTempPostgres(postgresUrl, 'bench_erasure');
    const database = createDatabase({ DATABASE_URL: temp.url, SQLITE_PATH: '' });
    try {
      await runMigrations(database);
      const user = { id: 'bench-lead', teamId: TEAM };
      await createBenchUser(database, user);
      // One INSERT … SELECT over a generated series: one statement, one transaction.
      const fillStarted = performance.now();
      await fillChangeLog(database, TEAM, entries);
      fills.push(performance.now() - fillStarted);
      // One citizen: every note names citizen 0.
      await seedCaseload(database, user, { citizens: 1, notes: NOTES });
      await sql`analyze`.execute(database.db);
      const citizenId = benchId(CITIZEN_KIND, 0);
      const started = performance.now();
      const result = await eraseCitizen(
        database,
        citizenId,
        {
          id: 'bench-admin',
          username: 'bench-admin',
          name: 'Bench',
          teamId: TEAM,
          teamName: 'Bench',
          role: 'admin',
        },
        null,
      );
      times.push(performance.now() - started);
      if ((result.erased.note ?? 0) !== NOTES)
        throw new Error(`12: erased ${result.erased.note ?? 0} notes, expected ${NOTES}`);
    } finally {
      await database.close();
      await temp.drop();
    }
  }
  const ms = median(times);
  bench.log(`12: the change log filled in ${fmt(median(fills) / 1000, 1)} s (median)`);
  return {
    id: '12',
    scenario: `erase a citizen with ${NOTES} notes, change log of ${fmt(entries)} (PostgreSQL)`,
    ours: `${fmt(ms, 0)} ms`,
    reference: '—',
    ratio: null,
    target: `≤ ${fmt(TARGET_MS)} ms`,
    pass: ms <= TARGET_MS,
    data: { entries, notes: NOTES, ms: times, fillMs: fills },
  };
}
