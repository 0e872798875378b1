import { describe, expect, it } from 'vitest';
import { MAX_CONFLICTS_PER_RECORD } from '../../src/domain/common';
import type { MutationResult } from '../../src/protocol';
import { useSeededApp } from './helpers/appFixture';
import { loginOn, mutation, newCitizen, pullAll, push } from './helpers/api';
import { DIALECTS } from './helpers/testDatabase';

describe.each(DIALECTS)('a record full of unsettled conflicts (%s)', (dialect) => {
  const f = useSeededApp(dialect);

  /** A citizen whose phone Mette changed at version 2, and Anders' clashes up to the cap. */
  async function fullRecord() {
    const mette = await loginOn(f.app, 'mette', 'laptop-mette');
    const anders = await loginOn(f.app, 'anders', 'tablet-anders');
    const create = newCitizen({ alias: 'Fuld' });
    await push(f.app, mette.token, [
      create,
      mutation('citizen', 'update', create.recordId, { phone: '20000000' }, { baseVersion: 1 }),
    ]);
    const clashes = Array.from({ length: MAX_CONFLICTS_PER_RECORD }, (_, i) =>
      mutation(
        'citizen',
        'update',
        create.recordId,
        { phone: String(30_000_000 + i) },
        { baseVersion: 1 },
      ),
    );
    const results = await push(f.app, anders.token, clashes);
    expect(results.every((r) => r.status === 'conflict')).toBe(true);
    return { mette, anders, recordId: create.recordId, last: results.at(-1)! };
  }

  async function storedConflicts(recordId: string) {
    const row = await f.database.db
      .selectFrom('records')
      .select(['data', 'deleted', 'version'])
      .where('id', '=', recordId)
      .executeTakeFirstOrThrow();
    const data = JSON.parse(row.data) as { phone: string; conflicts: { id: string }[] };
    return { ...data, deleted: row.deleted, version: row.version };
  }

  it('refuses the next clash with too-many-conflicts, keeps its losing value, and takes it once a conflict is settled', async () => {
    const { anders, recordId, last } = await fullRecord();
    const before = await storedConflicts(recordId);
    expect(before.conflicts).toHaveLength(MAX_CONFLICTS_PER_RECORD);

    const next = mutation(
      'citizen',
      'update',
      recordId,
      { phone: '39999999', alias: 'Også ny' },
      { baseVersion: 1 },
    );
    const [refused] = await push(f.app, anders.token, [next]);
    expect(refused).toMatchObject({ status: 'rejected', code: 'too-many-conflicts' });
    // Nothing of it was applied and no stored conflict was dropped for it.
    const after = await storedConflicts(recordId);
    expect(after.conflicts.map((c) => c.id)).toEqual(before.conflicts.map((c) => c.id));
    expect(after.version).toBe(before.version);
    // The losing value is kept: the server's copy of the refused mutation.
    const copy = await f.database.db
      .selectFrom('rejected_mutations')
      .select(['code', 'mutation'])
      .where('mutation_id', '=', next.mutationId)
      .executeTakeFirstOrThrow();
    expect(copy.code).toBe('too-many-conflicts');
    expect(JSON.parse(copy.mutation)).toMatchObject({ fields: { phone: '39999999' } });

    // Settling one conflict makes room: the change sent again is merged, its losing value shown.
    const settledId = (last as Extract<MutationResult, { status: 'conflict' }>).conflicts[0]!.id;
    const settle = mutation(
      'citizen',
      'update',
      recordId,
      {},
      {
        baseVersion: after.version,
      },
    );
    await push(f.app, anders.token, [{ ...settle, resolvesConflicts: [settledId] }]);
    const again = { ...next, mutationId: mutation('citizen', 'update', recordId, {}).mutationId };
    const [taken] = await push(f.app, anders.token, [again]);
    expect(taken).toMatchObject({ status: 'conflict', kind: 'field-clash' });
    const { changes } = await pullAll(f.app, anders.token);
    const pulled = changes.filter((c) => c.recordId === recordId).at(-1)?.record as {
      alias: string;
      conflicts: { losingValue: unknown }[];
    };
    expect(pulled.alias).toBe('Også ny');
    expect(pulled.conflicts).toHaveLength(MAX_CONFLICTS_PER_RECORD);
    expect(pulled.conflicts.at(-1)?.losingValue).toBe('39999999');
  });

  it('refuses a delete based on an old version of a full record instead of storing one conflict too many', async () => {
    const { anders, recordId } = await fullRecord();
    const remove = mutation('citizen', 'delete', recordId, {}, { baseVersion: 1 });
    const [refused] = await push(f.app, anders.token, [remove]);
    expect(refused).toMatchObject({ status: 'rejected', code: 'too-many-conflicts' });
    const after = await storedConflicts(recordId);
    expect(after.conflicts).toHaveLength(MAX_CONFLICTS_PER_RECORD);
    expect(after.deleted).toBe(0);
  });
});
