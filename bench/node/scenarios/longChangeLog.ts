/**
 * Scenario 5: a device that is up to date pulls 10 new changes, from a server whose change log
 * holds 1,000 entries and from one holding 1,000,000 (SQLite; the history is old tombstones of
 * the same team, inserted in one statement). The cost must follow the change, not the database.
 */
import type { BrowserContext } from 'playwright-core';
import { newId } from '../../../src/domain/ids';
import { createApiClient } from '../../../src/sync/apiClient';
import { INITIAL_PULL_CURSOR } from '../../../src/protocol';
import { encodeCursor } from '../../../src/server/syncApi/pullCursor';
import { noteFields } from '../../shared/generate';
import { callBench, openBenchPage } from '../benchPage';
import type { BenchContext, ResultRow } from '../result';
import { startSeededServer, type SeededServer } from '../seededServer';
import {
  createBenchSessions,
  createBenchUser,
  fillChangeLog,
  seedCaseload,
} from '../serverAdapter';
import { scaled, type BenchSettings } from '../settings';
import { fmt, median } from '../stats';

const NEW_CHANGES = 10;
/** The server accepts a note only about an existing citizen of the writer's team. */
const CITIZENS = 10;
const SMALL_LOG = 1_000;
const LARGE_LOG = 1_000_000;

async function logServer(settings: BenchSettings, entries: number): Promise<SeededServer> {
  return startSeededServer({
    root: settings.root,
    staticDir: settings.assetsDir,
    seed: async (database) => {
      await createBenchUser(database, { id: 'bench-a', teamId: 'bench' });
      await fillChangeLog(database, 'bench', entries);
      await seedCaseload(
        database,
        { id: 'bench-a', teamId: 'bench' },
        { citizens: CITIZENS, notes: 0 },
      );
      const [writer, reader] = await createBenchSessions(database, 'bench-a', 2);
      return { writer, reader };
    },
  });
}

/**
 * Another device writes NEW_CHANGES notes through the real push; returns the pull cursor of a
 * device that had everything before them (every scope of the reader at the log's latest seq).
 */
async function writeNewChanges(server: SeededServer, round: number): Promise<string> {
  const api = createApiClient({ baseUrl: server.url, token: () => String(server.seeded.writer) });
  const before = await api.pull(1, INITIAL_PULL_CURSOR);
  const mutations = Array.from({ length: NEW_CHANGES }, (_, i) => ({
    mutationId: newId(),
    deviceId: 'bench-writer',
    entity: 'note' as const,
    recordId: newId(),
    op: 'create' as const,
    fields: { ...noteFields(round * NEW_CHANGES + i, CITIZENS, 'bench-a') },
    baseVersion: 0,
    clientTime: new Date().toISOString(),
  }));
  const { results } = await api.push({ deviceId: 'bench-writer', mutations });
  if (results.some((r) => r.status !== 'applied')) throw new Error('5: push refused');
  return encodeCursor({ bench: before.latestSeq, shared: before.latestSeq });
}

export async function longChangeLog(
  settings: BenchSettings,
  context: BrowserContext,
  bench: BenchContext,
): Promise<ResultRow> {
  const large = scaled(settings, LARGE_LOG, 2_000);
  bench.log(`5: change logs of ${SMALL_LOG} and ${large} entries`);
  const small = await logServer(settings, SMALL_LOG);
  const big = await logServer(settings, large);
  const times = { small: [] as number[], big: [] as number[] };
  try {
    const pages = {
      small: await openBenchPage(context, small.url),
      big: await openBenchPage(context, big.url),
    };
    const reps = Math.max(5, settings.reps * 3);
    for (let rep = 0; rep < reps; rep++) {
      const order = rep % 2 === 0 ? (['small', 'big'] as const) : (['big', 'small'] as const);
      for (const which of order) {
        const server = which === 'small' ? small : big;
        const cursor = await writeNewChanges(server, rep);
        const r = await callBench(
          pages[which],
          'incrementalPull',
          String(server.seeded.reader),
          cursor,
        );
        if (r.changes !== NEW_CHANGES)
          throw new Error(`5: pulled ${r.changes}, expected ${NEW_CHANGES}`);
        times[which].push(r.ms);
      }
    }
    await pages.small.close();
    await pages.big.close();
  } finally {
    await small.stop();
    await big.stop();
  }
  const s = median(times.small);
  const b = median(times.big);
  return {
    id: '5',
    scenario: `incremental sync of ${NEW_CHANGES} changes, log of ${fmt(large)} vs ${fmt(SMALL_LOG)}`,
    ours: `${fmt(b, 1)} ms`,
    reference: `${fmt(s, 1)} ms (log of ${fmt(SMALL_LOG)})`,
    ratio: b / s,
    target: '≤ 1.5×',
    pass: b / s <= 1.5,
    data: { largeLog: large, smallLog: SMALL_LOG, largeMs: times.big, smallMs: times.small },
  };
}
