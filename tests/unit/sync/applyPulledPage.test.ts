import { afterEach, describe, expect, it } from 'vitest';
import { readAll, readRecord, sealedDb } from '../../helpers/sealedDb';
import { createCitizensRepo } from '../../../src/db/citizens';
import type { FremskudtDb } from '../../../src/db/database';
import type { WriteContext } from '../../../src/db/writeContext';
import { CitizenSchema } from '../../../src/domain';
import type { Change, PullResponse } from '../../../src/protocol';
import { applyPulledPage, preparePulledPage, readCursor } from '../../../src/sync/applyPulledPage';

const ctx: WriteContext = { userId: 'mette', teamId: 'team-a', deviceId: 'device-test-1' };
const AT = '2026-11-26T10:00:00.000Z';
const opened: FremskudtDb[] = [];

async function testDb(): Promise<FremskudtDb> {
  const db = await sealedDb(`apply-pulled-page-${opened.length}-${Date.now()}`);
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** A fixed, valid UUID per small number, so expectations can name records. */
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const meta = (id: string, version: number, teamId = 'team-a') => ({
  id,
  teamId,
  version,
  createdAt: AT,
  updatedAt: AT,
  createdBy: 'mette',
  updatedBy: 'mette',
  conflicts: [],
});

const citizen = (id: string, version: number, firstName: string, teamId = 'team-a') => ({
  ...meta(id, version, teamId),
  firstName,
});

const note = (id: string, version: number, citizenId: string, body: string) => ({
  ...meta(id, version),
  citizenId,
  occurredAt: AT,
  body,
  category: 'samtale',
  status: 'draft',
  authorId: 'mette',
});

let seq = 0;
function upsert(entity: 'citizen' | 'note', record: { id: string; version: number }): Change {
  return { seq: ++seq, entity, recordId: record.id, op: 'upsert', version: record.version, record };
}
function tombstone(entity: 'citizen' | 'note', recordId: string, version: number): Change {
  return { seq: ++seq, entity, recordId, op: 'delete', version, record: null };
}
function evict(entity: 'citizen' | 'note', recordId: string): Change {
  return { seq: ++seq, entity, recordId, op: 'evict', version: 1, record: null };
}
function pageOf(changes: Change[], extra: Partial<PullResponse> = {}): PullResponse {
  const cursor = Math.max(0, ...changes.map((c) => c.seq));
  return { changes, cursor, hasMore: false, latestSeq: cursor, ...extra };
}

/** Stores records as a previous pull would have (sealed, no outbox entry). */
async function seed(db: FremskudtDb, table: string, records: object[]): Promise<void> {
  const rows = await Promise.all(records.map((r) => db.seal(table, r)));
  await db.table(table).bulkPut(rows);
}

const ids = async (db: FremskudtDb, table: string) =>
  (await readAll<{ id: string }>(db, table)).map((r) => r.id).sort();

describe('applyPulledPage', () => {
  it('keeps the last of two changes of the same record in one page', async () => {
    const db = await testDb();
    const [edited, deleted, revived] = [uuid(1), uuid(2), uuid(3)];
    await seed(db, 'citizens', [citizen(deleted, 1, 'Før'), citizen(revived, 1, 'Før')]);
    await applyPulledPage(
      db,
      pageOf([
        upsert('citizen', citizen(edited, 1, 'Første')),
        upsert('citizen', citizen(deleted, 2, 'Mellem')),
        tombstone('citizen', revived, 2),
        upsert('citizen', citizen(edited, 2, 'Sidste')),
        tombstone('citizen', deleted, 3),
        upsert('citizen', citizen(revived, 3, 'Tilbage')),
      ]),
    );
    expect(await readRecord(db, 'citizens', edited)).toMatchObject({
      firstName: 'Sidste',
      version: 2,
    });
    expect(await readRecord(db, 'citizens', deleted)).toBeUndefined();
    expect(await readRecord(db, 'citizens', revived)).toMatchObject({
      firstName: 'Tilbage',
      version: 3,
    });
  });

  it('keeps a pending edit laid over the last upsert when a tombstone of the record follows it in the page', async () => {
    const db = await testDb();
    const repo = createCitizensRepo(() => db);
    const id = uuid(10);
    await repo.create(ctx, { firstName: 'Lokal', alias: 'Mit' }, id);
    await applyPulledPage(
      db,
      pageOf([
        upsert('citizen', citizen(id, 1, 'Server')),
        upsert('citizen', citizen(id, 2, 'Server igen')),
        tombstone('citizen', id, 3),
      ]),
    );
    expect(await readRecord(db, 'citizens', id)).toMatchObject({
      firstName: 'Lokal',
      alias: 'Mit',
      version: 2,
    });
  });

  it('leaves exactly the expected records after a page mixing upserts, deletes and evicts across tables', async () => {
    const db = await testDb();
    const repo = createCitizensRepo(() => db);
    const c = Array.from({ length: 9 }, (_, i) => uuid(100 + i));
    const n = Array.from({ length: 5 }, (_, i) => uuid(200 + i));
    await seed(db, 'citizens', [
      citizen(c[0]!, 1, 'Bliver'),
      citizen(c[1]!, 1, 'Slettes'),
      citizen(c[2]!, 1, 'Flyttes'),
      citizen(c[3]!, 1, 'Rettes'),
      citizen(c[4]!, 1, 'Andet team', 'team-b'),
    ]);
    await seed(db, 'notes', [
      note(n[0]!, 1, c[0]!, 'Bliver'),
      note(n[1]!, 1, c[0]!, 'Slettes'),
      note(n[2]!, 1, c[2]!, 'Flyttes'),
    ]);
    // Pending on this device: a local delete (stays deleted) and a local edit (kept over a
    // pulled tombstone).
    await repo.create(ctx, { firstName: 'Lokalt slettet' }, c[6]);
    await repo.remove(ctx, c[6]!);
    await repo.create(ctx, { firstName: 'Lokalt rettet' }, c[7]);

    await applyPulledPage(
      db,
      pageOf(
        [
          upsert('citizen', citizen(c[5]!, 1, 'Ny')),
          tombstone('citizen', c[1]!, 2),
          evict('citizen', c[2]!),
          upsert('note', note(n[3]!, 1, c[5]!, 'Ny note')),
          upsert('citizen', citizen(c[3]!, 2, 'Rettet')),
          tombstone('note', n[1]!, 2),
          evict('note', n[2]!),
          upsert('citizen', citizen(c[6]!, 1, 'Fra serveren')),
          tombstone('citizen', c[7]!, 1),
          tombstone('note', n[4]!, 1),
        ],
        { nextCursor: 'opaque-next', evictTeams: ['team-b'] },
      ),
    );

    expect(await ids(db, 'citizens')).toEqual([c[0], c[3], c[5], c[7]].sort());
    expect(await ids(db, 'notes')).toEqual([n[0], n[3]].sort());
    expect(await readRecord(db, 'citizens', c[3]!)).toMatchObject({
      firstName: 'Rettet',
      version: 2,
    });
    expect(await readRecord(db, 'citizens', c[7]!)).toMatchObject({ firstName: 'Lokalt rettet' });
    expect(await readRecord(db, 'notes', n[3]!)).toMatchObject({ body: 'Ny note', version: 1 });
    expect(await db.outbox.count()).toBe(3);
    expect(await readCursor(db)).toEqual({ after: seq, cursor: 'opaque-next' });
  });

  it('refuses a page with a record that does not match its schema and writes nothing of it', async () => {
    const db = await testDb();
    const good = citizen(uuid(300), 1, 'God');
    const bad = { ...citizen(uuid(301), 1, 'Dårlig'), createdAt: 'not a date' };
    await expect(
      applyPulledPage(db, pageOf([upsert('citizen', good), upsert('citizen', bad)])),
    ).rejects.toThrow(/does not match its schema/);
    expect(await ids(db, 'citizens')).toEqual([]);
    expect(await readCursor(db)).toEqual({ after: 0 });
  });

  it('keeps a local edit made after the page was sealed ahead of its turn', async () => {
    const db = await testDb();
    const id = uuid(400);
    // As the app stores a pulled citizen: every field with its default.
    const before = CitizenSchema.parse(citizen(id, 1, 'Før'));
    await seed(db, 'citizens', [before]);
    const fromServer = { ...before, version: 2, phone: '12 34 56 78' };
    // The pull seals the next page while the one before is written; the caseworker types meanwhile.
    const prepared = await preparePulledPage(db, pageOf([upsert('citizen', fromServer)]));
    await createCitizensRepo(() => db).update(ctx, id, { firstName: 'Rettet lokalt' });

    await applyPulledPage(db, prepared);

    expect(await readRecord(db, 'citizens', id)).toMatchObject({
      firstName: 'Rettet lokalt',
      phone: '12 34 56 78',
      version: 2,
    });
    expect(await db.outbox.count()).toBe(1);
  });
});
