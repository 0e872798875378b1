import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import type { Database } from '../../src/server/data/schema';
import { withWriteTransaction } from '../../src/server/data/writeTransaction';
import { seedDemo } from '../../src/server/demo/seedDemo';
import { saveRecordWithChange } from '../../src/server/syncApi/recordStore';
import { newId } from '../../src/domain/ids';
import { login, newCitizen, pull, push } from './helpers/api';
import { createTestDatabase, type TestDatabase } from './helpers/testDatabase';

/**
 * PostgreSQL hazard: a change whose seq was taken by a transaction that commits after a later
 * seq must never be skipped by a device that pulled in between. (SQLite serializes writers.)
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

  it('does not skip a slow writer change when a faster writer commits meanwhile', async () => {
    const mette = await login(app, 'mette');
    const start = await pull(app, mette);
    let releaseSlow!: () => void;
    const slowMayCommit = new Promise<void>((resolve) => (releaseSlow = resolve));
    let slowHasWritten!: () => void;
    const slowWritten = new Promise<void>((resolve) => (slowHasWritten = resolve));
    const slowId = newId();
    const now = new Date().toISOString();
    const slow = withWriteTransaction(database, async (trx) => {
      await saveRecordWithChange(trx, {
        entity: 'citizen',
        id: slowId,
        teamId: 'odense-syd',
        version: 1,
        deleted: false,
        data: {
          id: slowId,
          teamId: 'odense-syd',
          version: 1,
          firstName: 'Langsom',
          createdAt: now,
          updatedAt: now,
          createdBy: 'mette',
          updatedBy: 'mette',
          conflicts: [],
        },
        fieldVersions: {},
      });
      slowHasWritten();
      await slowMayCommit;
    });
    await slowWritten;
    const fast = newCitizen({ firstName: 'Hurtig' });
    let fastDone = false;
    const fastPush = push(app, mette, [fast]).then((r) => {
      fastDone = true;
      return r;
    });
    // The fast writer must wait for the slow one: otherwise it could commit a later seq first.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fastDone).toBe(false);
    const during = await pull(app, mette, start.cursor);
    expect(during.changes).toEqual([]);
    releaseSlow();
    await slow;
    await fastPush;
    const after = await pull(app, mette, during.cursor);
    expect(after.changes.map((c) => c.recordId)).toEqual([slowId, fast.recordId]);
  });

  it('lets a device polling during many concurrent pushes see every change exactly once', async () => {
    const tokens = await Promise.all(['mette', 'anders'].map((u) => login(app, u)));
    const start = (await pull(app, tokens[0]!)).cursor;
    const seen: number[] = [];
    let cursor = start;
    let writing = true;
    const poller = (async () => {
      while (writing) {
        const page = await pull(app, tokens[0]!, cursor, 1000);
        seen.push(...page.changes.map((c) => c.seq));
        cursor = page.cursor;
      }
    })();
    const WRITERS = 6;
    const PUSHES_PER_WRITER = 8;
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        for (let i = 0; i < PUSHES_PER_WRITER; i++) {
          await push(app, tokens[w % 2]!, [newCitizen({}, `device-${w}-test`)]);
        }
      }),
    );
    writing = false;
    await poller;
    const rest = await pull(app, tokens[0]!, cursor, 1000);
    seen.push(...rest.changes.map((c) => c.seq));
    const all = await database.db
      .selectFrom('changes')
      .select('seq')
      .where('seq', '>', start)
      .orderBy('seq')
      .execute();
    expect(all).toHaveLength(WRITERS * PUSHES_PER_WRITER);
    expect(seen).toEqual(all.map((r) => r.seq));
  });
});
