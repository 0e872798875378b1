import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { newId } from '../../src/domain/ids';
import { buildApp } from '../../src/server/app';
import type { Database } from '../../src/server/data/schema';
import { withWriteTransaction } from '../../src/server/data/writeTransaction';
import { seedDemo } from '../../src/server/demo/seedDemo';
import { INITIAL_PULL_CURSOR, type PullResponse } from '../../src/protocol';
import { encodeCursor } from '../../src/server/syncApi/pullCursor';
import { authHeaders, login, newCitizen, pullAllCursor, pullCursor, push } from './helpers/api';
import { writeNewCitizen } from './helpers/records';
import { createTestDatabase, type TestDatabase } from './helpers/testDatabase';

/** Does `promise` settle within `ms`? (Resolves as soon as it does.) */
function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
  ]);
}

/**
 * A writer that appends one citizen to `teamId`'s change log and then waits, uncommitted, until
 * released: the transaction a slow push would be.
 */
function slowWriter(database: Database, teamId: string) {
  let release!: () => void;
  const mayCommit = new Promise<void>((resolve) => (release = resolve));
  let written!: () => void;
  const hasWritten = new Promise<void>((resolve) => (written = resolve));
  const id = newId();
  const done = withWriteTransaction(database, [teamId], async (tx) => {
    await writeNewCitizen(tx, teamId, 'Langsom', id);
    written();
    await mayCommit;
  });
  return { id, hasWritten, release, done };
}

/**
 * PostgreSQL hazard: a change whose seq was taken by a transaction that commits after a later
 * seq must never be skipped by a device that pulled in between. Seqs follow commit order within
 * each scope (per-scope locks), not across scopes. (SQLite serializes writers.)
 */
describe('change-log order on PostgreSQL', () => {
  let testDb: TestDatabase;
  let database: Database;
  let app: FastifyInstance;

  beforeAll(async () => {
    testDb = await createTestDatabase('postgres');
    database = await testDb.open();
    await seedDemo(database);
    app = await buildApp({ config: testDb.config, database });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await testDb?.drop();
  });

  it('makes a writer of the same team wait for a slow one, so a cursor pull in between skips nothing', async () => {
    const mette = await login(app, 'mette');
    const start = await pullAllCursor(app, mette);
    const slow = slowWriter(database, 'odense-syd');
    await slow.hasWritten;
    const fast = newCitizen({ firstName: 'Hurtig' });
    const fastPush = push(app, mette, [fast]);
    // Without the team's lock the fast writer would commit a later seq first.
    expect(await settlesWithin(fastPush, 300)).toBe(false);
    const during = await pullCursor(app, mette, start.cursor);
    expect(during.changes).toEqual([]);
    slow.release();
    await slow.done;
    await fastPush;
    const after = await pullAllCursor(app, mette, during.nextCursor);
    expect(after.changes.map((c) => c.recordId)).toEqual([slow.id, fast.recordId]);
  });

  it('lets writers of different teams commit side by side, and a cursor pull reads each team in its own order', async () => {
    const anders = await login(app, 'anders');
    const sara = await login(app, 'sara');
    const mette = await login(app, 'mette');
    const start = await pullAllCursor(app, anders);
    const slow = slowWriter(database, 'odense-vest');
    await slow.hasWritten;
    // Nord and Syd do not wait for Vest's slow writer (one global lock would hold them back).
    const nord = newCitizen({ firstName: 'Nord' }, 'laptop-sara');
    const syd = newCitizen({ firstName: 'Syd' });
    const both = Promise.all([push(app, sara, [nord]), push(app, mette, [syd])]);
    expect(await settlesWithin(both, 5_000)).toBe(true);
    // Anders (Syd and Vest) sees Syd's later seq now, and Vest's earlier one once it commits.
    const during = await pullCursor(app, anders, start.cursor);
    expect(during.changes.map((c) => c.recordId)).toEqual([syd.recordId]);
    slow.release();
    await slow.done;
    const after = await pullAllCursor(app, anders, during.nextCursor);
    expect(after.changes.map((c) => c.recordId)).toEqual([slow.id]);
    expect(after.changes[0]!.seq).toBeLessThan(during.changes[0]!.seq);
  });

  it('has one pull path: without a cursor (a stray numeric after too) from the beginning, not waiting for a writer in flight', async () => {
    const anders = await login(app, 'anders');
    const slow = slowWriter(database, 'odense-vest');
    await slow.hasWritten;
    const res = app.inject({
      method: 'GET',
      url: '/api/sync/pull?after=999999&limit=1000',
      headers: authHeaders(anders),
    });
    expect(await settlesWithin(res, 5_000)).toBe(true);
    const page = (await res).json<PullResponse>();
    expect(page.changes.length).toBeGreaterThan(0);
    expect(page.changes.some((c) => c.recordId === slow.id)).toBe(false);
    slow.release();
    await slow.done;
    const next = await pullAllCursor(app, anders, page.nextCursor);
    expect(next.changes.map((c) => c.recordId)).toEqual([slow.id]);
  });

  it('answers a first pull with the initial cursor without waiting for a writer in flight', async () => {
    const anders = await login(app, 'anders');
    expect(encodeCursor({})).toBe(INITIAL_PULL_CURSOR);
    const slow = slowWriter(database, 'odense-vest');
    await slow.hasWritten;
    const first = pullAllCursor(app, anders, INITIAL_PULL_CURSOR);
    expect(await settlesWithin(first, 5_000)).toBe(true);
    const page = await first;
    expect(page.changes.length).toBeGreaterThan(0);
    expect(page.changes.some((c) => c.recordId === slow.id)).toBe(false);
    slow.release();
    await slow.done;
    const next = await pullAllCursor(app, anders, page.cursor);
    expect(next.changes.map((c) => c.recordId)).toEqual([slow.id]);
  });

  it('lets a device polling by cursor during many concurrent pushes to two teams see every change exactly once', async () => {
    const [mette, anders] = await Promise.all(['mette', 'anders'].map((u) => login(app, u)));
    const cursorStart = (await pullAllCursor(app, anders!)).cursor;
    const { start } = await database.db
      .selectFrom('changes')
      .select((eb) => eb.fn.coalesce(eb.fn.max('seq'), eb.lit(0)).as('start'))
      .executeTakeFirstOrThrow();
    const cursorSeen: { seq: number; team: string }[] = [];
    let writing = true;
    const pollCursor = async () => {
      let cursor = cursorStart;
      for (;;) {
        // A page asked for after the last push committed is the last one needed.
        const last = !writing;
        const page = await pullCursor(app, anders!, cursor, 1000);
        cursorSeen.push(
          ...page.changes.map((c) => ({ seq: c.seq, team: String(c.record?.teamId) })),
        );
        cursor = page.nextCursor;
        if (last && !page.hasMore) return;
      }
    };
    const pollers = pollCursor();
    const WRITERS = 6;
    const PUSHES_PER_WRITER = 8;
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        for (let i = 0; i < PUSHES_PER_WRITER; i++) {
          const citizen = newCitizen({}, `device-${w}-test`);
          // Anders writes to Vest, Mette to Syd: two scopes, written side by side.
          if (w % 2 === 1) await push(app, anders!, [{ ...citizen, teamId: 'odense-vest' }]);
          else await push(app, mette!, [citizen]);
        }
      }),
    );
    writing = false;
    await pollers;
    const all = await database.db
      .selectFrom('changes')
      .select('seq')
      .where('seq', '>', Number(start))
      .where('team_id', 'in', ['odense-syd', 'odense-vest'])
      .orderBy('seq')
      .execute();
    expect(all).toHaveLength(WRITERS * PUSHES_PER_WRITER);
    const seqs = all.map((r) => r.seq);
    expect(cursorSeen.map((c) => c.seq).sort((a, b) => a - b)).toEqual(seqs);
    for (const team of ['odense-syd', 'odense-vest']) {
      const ofTeam = cursorSeen.filter((c) => c.team === team).map((c) => c.seq);
      expect(ofTeam).toEqual([...ofTeam].sort((a, b) => a - b));
    }
  });
});
