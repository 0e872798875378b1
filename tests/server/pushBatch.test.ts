import type { FastifyInstance } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { MAX_MUTATIONS_PER_PUSH, type Mutation, type MutationResult } from '../../src/protocol';
import type { Database } from '../../src/server/data/schema';
import { pushMutations } from '../../src/server/syncApi/pushMutations';
import { useSeededApp } from './helpers/appFixture';
import { changesOf as changesIn, login, mutation, newCitizen, push } from './helpers/api';
import { DIALECTS } from './helpers/testDatabase';

/**
 * A batch touching every rule: edits of a record created earlier in the batch, a clash with
 * another device's earlier edit, a final note rewritten, a delete after another device's edit, an
 * edit after a delete, refusals in the middle, and one mutation id sent twice. A push is applied
 * as its session's device, so the other device's edit is pushed first, on its own session.
 */
async function everyRuleBatch(app: FastifyInstance, otherToken: string): Promise<Mutation[]> {
  const p = newCitizen({ alias: 'P' });
  const otherEditP = mutation(
    'citizen',
    'update',
    p.recordId,
    { phone: '22222222' },
    { baseVersion: 1 },
  );
  await push(app, otherToken, [p, otherEditP]);
  const a = newCitizen({ alias: 'A' });
  const editA = mutation(
    'citizen',
    'update',
    a.recordId,
    { phone: '11111111' },
    { baseVersion: 1 },
  );
  const clashP = mutation(
    'citizen',
    'update',
    p.recordId,
    { phone: '33333333' },
    { baseVersion: 1 },
  );
  const noteId = newId();
  const note = mutation('note', 'create', noteId, {
    citizenId: a.recordId,
    occurredAt: '2026-11-20T10:00:00.000Z',
    body: 'Første udgave.',
    category: 'samtale',
    status: 'final',
    authorId: 'mette',
    finalizedAt: '2026-11-20T10:00:00.000Z',
  });
  const rewrite = mutation('note', 'update', noteId, { body: 'Anden udgave.' }, { baseVersion: 1 });
  const deleteP = mutation('citizen', 'delete', p.recordId, {}, { baseVersion: 1 });
  const b = newCitizen({ alias: 'B' });
  const deleteB = mutation('citizen', 'delete', b.recordId, {}, { baseVersion: 1 });
  const editB = mutation(
    'citizen',
    'update',
    b.recordId,
    { phone: '33333333' },
    { baseVersion: 1 },
  );
  const unknown = mutation('citizen', 'update', newId(), { phone: '1' }, { baseVersion: 1 });
  const orphan = mutation('note', 'create', newId(), {
    citizenId: newId(),
    occurredAt: '2026-11-20T10:00:00.000Z',
    body: 'Om en ukendt borger.',
    category: 'samtale',
    status: 'draft',
    authorId: 'mette',
  });
  return [a, editA, clashP, note, unknown, rewrite, deleteP, editA, b, deleteB, editB, orphan];
}

/** What must be the same however the batch is sent: answers, change logs and audit, by position. */
async function outcomeOf(database: Database, batch: Mutation[], results: MutationResult[]) {
  const recordIds = [...new Set(batch.map((m) => m.recordId))];
  const created = results.flatMap((r) =>
    r.status === 'conflict' && r.createdRecordId ? [r.createdRecordId] : [],
  );
  const changes = await database.db
    .selectFrom('changes')
    .select(['record_id', 'op', 'version', 'data'])
    .where('record_id', 'in', [...recordIds, ...created])
    .orderBy('seq')
    .execute();
  const audit = await database.db
    .selectFrom('audit_log')
    .select(['record_id', 'action'])
    .where('record_id', 'in', recordIds)
    .orderBy('id')
    .execute();
  const position = (id: string) => {
    const at = recordIds.indexOf(id);
    return at >= 0 ? `record ${at}` : `created ${created.indexOf(id)}`;
  };
  return {
    results: results.map((r) => ({
      status: r.status,
      version: 'version' in r ? r.version : null,
      code: r.status === 'rejected' ? r.code : null,
      kind: r.status === 'conflict' ? r.kind : null,
      conflicts: r.status === 'conflict' ? r.conflicts.map((c) => [c.kind, c.field]) : null,
    })),
    changes: changes.map((c) => {
      const data = c.data === null ? null : (JSON.parse(c.data) as Record<string, unknown>);
      return {
        record: position(c.record_id),
        op: c.op,
        version: c.version,
        phone: data?.phone ?? null,
        body: data?.body ?? null,
        conflicts: (data?.conflicts as { kind: string }[] | undefined)?.map((x) => x.kind) ?? null,
      };
    }),
    audit: audit.map((e) => [position(e.record_id ?? ''), e.action]),
  };
}

/**
 * The server decides a push request's mutations in memory and writes them with multi-row
 * statements (syncApi/pushPlan.ts); the outcome must be that of applying them one at a time.
 */
describe.each(DIALECTS)('deciding a push request as a batch (%s)', (dialect) => {
  const f = useSeededApp(dialect);
  const changesOf = (recordId: string) => changesIn(f.database, recordId);

  it('decides a batch exactly as the same mutations pushed one at a time', async () => {
    const mette = await login(f.app, 'mette');
    const other = await login(f.app, 'anders');
    const batch = await everyRuleBatch(f.app, other);
    const together = await push(f.app, mette, batch, 'laptop-mette');
    const single = await everyRuleBatch(f.app, other);
    const oneByOne: MutationResult[] = [];
    for (const m of single) oneByOne.push(...(await push(f.app, mette, [m], 'laptop-mette')));
    const expected = await outcomeOf(f.database, single, oneByOne);
    expect(expected.results.map((r) => r.code ?? r.kind ?? r.status)).toEqual([
      'applied',
      'applied',
      'field-clash',
      'applied',
      'unknown-record',
      'final-note-changed',
      'delete-after-edit',
      'applied',
      'applied',
      'applied',
      'edit-after-delete',
      'forbidden',
    ]);
    expect(await outcomeOf(f.database, batch, together)).toEqual(expected);
  });

  it('answers a mutation id sent twice in one batch with the first answer and applies it once', async () => {
    const mette = await login(f.app, 'mette');
    const create = newCitizen();
    const edit = mutation(
      'citizen',
      'update',
      create.recordId,
      { phone: '44444444' },
      {
        baseVersion: 1,
      },
    );
    const results = await push(f.app, mette, [create, edit, edit]);
    expect(results[2]).toEqual(results[1]);
    expect(results[1]).toMatchObject({ status: 'applied', version: 2 });
    const applied = await f.database.db
      .selectFrom('applied_mutations')
      .select('mutation_id')
      .where('mutation_id', '=', edit.mutationId)
      .execute();
    expect(applied).toHaveLength(1);
    const audit = await f.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', create.recordId)
      .execute();
    expect(audit.map((e) => e.action).sort()).toEqual(['create', 'update']);
    expect(await changesOf(create.recordId)).toHaveLength(2);
  });

  it("stores each record once, at its last change, with the batch's changes in order", async () => {
    const mette = await login(f.app, 'mette');
    const a = newCitizen({ alias: 'Først' });
    const b = newCitizen({ alias: 'Anden' });
    const editA = mutation('citizen', 'update', a.recordId, { phone: '1' }, { baseVersion: 1 });
    const editB = mutation('citizen', 'update', b.recordId, { phone: '2' }, { baseVersion: 1 });
    const againA = mutation('citizen', 'update', a.recordId, { phone: '3' }, { baseVersion: 2 });
    await push(f.app, mette, [a, b, editA, editB, againA]);
    const [ofA, ofB] = [await changesOf(a.recordId), await changesOf(b.recordId)];
    expect(ofA.map((c) => c.version)).toEqual([1, 2, 3]);
    expect(ofB.map((c) => c.version)).toEqual([1, 2]);
    // Seqs in the order the batch made the changes: a, b, editA, editB, againA.
    const order = [ofA[0], ofB[0], ofA[1], ofB[1], ofA[2]].map((c) => Number(c?.seq));
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(new Set(order).size).toBe(5);
    const rows = await f.database.db
      .selectFrom('records')
      .select(['id', 'version', 'updated_seq', 'data'])
      .where('id', 'in', [a.recordId, b.recordId])
      .execute();
    const row = (id: string) => rows.find((r) => r.id === id);
    expect(row(a.recordId)).toMatchObject({ version: 3, updated_seq: order[4] });
    expect(JSON.parse(row(a.recordId)?.data ?? '{}')).toMatchObject({ phone: '3' });
    expect(row(b.recordId)).toMatchObject({ version: 2, updated_seq: order[3] });
  });

  it('applies the largest batch a device may send in one push', async () => {
    const mette = await login(f.app, 'mette');
    const citizen = newCitizen();
    const notes = Array.from({ length: MAX_MUTATIONS_PER_PUSH - 1 }, (_, i) =>
      mutation('note', 'create', newId(), {
        citizenId: citizen.recordId,
        occurredAt: '2026-11-20T10:00:00.000Z',
        body: `Notat ${i}`,
        category: 'samtale',
        status: 'draft',
        authorId: 'mette',
      }),
    );
    const results = await push(f.app, mette, [citizen, ...notes]);
    expect(results.filter((r) => r.status === 'applied')).toHaveLength(MAX_MUTATIONS_PER_PUSH);
    const seqs = await f.database.db
      .selectFrom('changes')
      .select('seq')
      .where('record_id', 'in', [citizen.recordId, ...notes.map((n) => n.recordId)])
      .orderBy('seq')
      .execute();
    expect(seqs).toHaveLength(MAX_MUTATIONS_PER_PUSH);
    expect(new Set(seqs.map((r) => r.seq)).size).toBe(MAX_MUTATIONS_PER_PUSH);
  });
});

describe('the statements of a push under its scope locks (PostgreSQL)', () => {
  const f = useSeededApp('postgres');
  const ctx = {
    user: { id: 'mette', teamId: 'odense-syd', teams: [{ id: 'odense-syd', name: 'Syd' }] },
  };

  it('reads the earlier answers, the records and the named citizen in one statement', async () => {
    const statements: string[] = [];
    const counting: KyselyPlugin = {
      transformQuery: ({ node }) => {
        statements.push(node.kind);
        return node;
      },
      transformResult: ({ result }) => Promise.resolve(result),
    };
    const database = { ...f.database, db: f.database.db.withPlugin(counting) };
    const citizen = newCitizen();
    const note = mutation('note', 'create', newId(), {
      citizenId: citizen.recordId,
      occurredAt: '2026-11-20T10:00:00.000Z',
      body: 'Notat',
      category: 'samtale',
      status: 'draft',
      authorId: 'mette',
    });
    const first = await pushMutations(database, [citizen, note], ctx);
    expect(first.map((r) => r.status)).toEqual(['applied', 'applied']);
    // The scope locks (sent with begin), the batch's state, its one writing statement.
    expect(statements).toEqual(['RawNode', 'SelectQueryNode', 'RawNode']);
    statements.length = 0;
    // A retry of the same batch: the stored answers, read in that same one statement; nothing
    // to write.
    expect(await pushMutations(database, [citizen, note], ctx)).toEqual(first);
    expect(statements).toEqual(['RawNode', 'SelectQueryNode']);
  });

  it('refuses a batch larger than a device may send, writing nothing', async () => {
    const citizens = Array.from({ length: MAX_MUTATIONS_PER_PUSH + 1 }, () => newCitizen());
    await expect(pushMutations(f.database, citizens, ctx)).rejects.toThrow(RangeError);
    const stored = await f.database.db
      .selectFrom('records')
      .select('id')
      .where('id', 'in', [citizens[0]!.recordId, citizens.at(-1)!.recordId])
      .execute();
    expect(stored).toEqual([]);
  });
});
