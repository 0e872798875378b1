import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { useSeededApp } from './helpers/appFixture';
import {
  authHeaders,
  changesOf as changesIn,
  login,
  mutation,
  newCitizen,
  pullAll,
  push,
} from './helpers/api';
import { DIALECTS } from './helpers/testDatabase';

describe.each(DIALECTS)('pushing changes (%s)', (dialect) => {
  const f = useSeededApp(dialect);
  const changesOf = (recordId: string) => changesIn(f.database, recordId);

  it('applies a new citizen at version 1 in the caseworker team, and a colleague pulls it', async () => {
    const mette = await login(f.app, 'mette');
    const create = newCitizen({ alias: 'Skipper' });
    const [result] = await push(f.app, mette, [create]);
    expect(result).toEqual({
      mutationId: create.mutationId,
      status: 'applied',
      recordId: create.recordId,
      version: 1,
    });
    const anders = await login(f.app, 'anders');
    const { changes } = await pullAll(f.app, anders);
    const pulled = changes.find((c) => c.recordId === create.recordId);
    expect(pulled?.record).toMatchObject({
      alias: 'Skipper',
      teamId: 'odense-syd',
      version: 1,
      createdBy: 'mette',
    });
  });

  it('answers a retried mutation with the original result and writes no second change', async () => {
    const mette = await login(f.app, 'mette');
    const create = newCitizen();
    const first = await push(f.app, mette, [create]);
    const again = await push(f.app, mette, [create]);
    expect(again).toEqual(first);
    expect(await changesOf(create.recordId)).toHaveLength(1);
  });

  it('applies nothing twice when a device resends a whole batch whose answer was lost', async () => {
    const mette = await login(f.app, 'mette');
    const a = newCitizen({ alias: 'A' });
    const b = newCitizen({ alias: 'B' });
    const editA = mutation(
      'citizen',
      'update',
      a.recordId,
      { phone: '12345678' },
      { baseVersion: 1 },
    );
    const batch = [a, editA, b];
    const first = await push(f.app, mette, batch);
    expect(first.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const resent = await push(f.app, mette, batch);
    expect(resent).toEqual(first);
    expect(await changesOf(a.recordId)).toHaveLength(2);
    expect(await changesOf(b.recordId)).toHaveLength(1);
    const rows = await f.database.db
      .selectFrom('applied_mutations')
      .select('mutation_id')
      .where(
        'mutation_id',
        'in',
        batch.map((m) => m.mutationId),
      )
      .execute();
    expect(rows).toHaveLength(3);
  });

  it('commits nothing of a batch that fails in the middle, and the resent batch applies all of it once', async () => {
    const mette = await login(f.app, 'mette');
    const a = newCitizen({ alias: 'Før fejlen' });
    const editA = mutation(
      'citizen',
      'update',
      a.recordId,
      { phone: '87654321' },
      { baseVersion: 1 },
    );
    const b = newCitizen({ alias: 'Fejler' });
    const c = newCitizen({ alias: 'Efter fejlen' });
    const batch = [a, editA, b, c];
    const ids = batch.map((m) => m.mutationId);
    const recordIds = [a.recordId, b.recordId, c.recordId];
    // An unexpected database error on b's change-log row, after a and its edit were written.
    const failOn = sql.lit(b.recordId);
    if (dialect === 'sqlite') {
      await sql`create trigger fail_injected before insert on changes when new.record_id = ${failOn}
        begin select raise(abort, 'injected failure'); end`.execute(f.database.db);
    } else {
      await sql`create function fail_injected() returns trigger language plpgsql as $$
        begin if new.record_id = ${failOn} then raise exception 'injected failure'; end if;
        return new; end $$`.execute(f.database.db);
      await sql`create trigger fail_injected before insert on changes for each row
        execute function fail_injected()`.execute(f.database.db);
    }
    const failed = await f.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: authHeaders(mette),
      payload: { deviceId: a.deviceId, mutations: batch },
    });
    if (dialect === 'sqlite') await sql`drop trigger fail_injected`.execute(f.database.db);
    else {
      await sql`drop trigger fail_injected on changes`.execute(f.database.db);
      await sql`drop function fail_injected()`.execute(f.database.db);
    }
    expect(failed.statusCode).toBe(500);
    const written = async () => ({
      records: await f.database.db
        .selectFrom('records')
        .select('id')
        .where('id', 'in', recordIds)
        .execute(),
      changes: await f.database.db
        .selectFrom('changes')
        .select('record_id')
        .where('record_id', 'in', recordIds)
        .execute(),
      applied: await f.database.db
        .selectFrom('applied_mutations')
        .select('mutation_id')
        .where('mutation_id', 'in', ids)
        .execute(),
      audit: await f.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('record_id', 'in', recordIds)
        .execute(),
    });
    expect(await written()).toEqual({ records: [], changes: [], applied: [], audit: [] });

    const results = await push(f.app, mette, batch);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    expect(results[1]).toMatchObject({ version: 2 });
    expect(await push(f.app, mette, batch)).toEqual(results);
    const after = await written();
    expect(after.records).toHaveLength(3);
    expect(after.changes.map((c) => c.record_id).sort()).toEqual(
      [a.recordId, a.recordId, b.recordId, c.recordId].sort(),
    );
    expect(after.applied).toHaveLength(4);
    expect(after.audit.map((e) => e.action).sort()).toEqual([
      'create',
      'create',
      'create',
      'update',
    ]);
  });

  it('merges edits of different fields from two devices', async () => {
    const mette = await login(f.app, 'mette');
    const anders = await login(f.app, 'anders');
    const create = newCitizen();
    await push(f.app, mette, [create]);
    const phone = mutation(
      'citizen',
      'update',
      create.recordId,
      { phone: '11223344' },
      { baseVersion: 1, deviceId: 'laptop-mette' },
    );
    const goals = mutation(
      'citizen',
      'update',
      create.recordId,
      { ownGoals: 'Egen bolig' },
      { baseVersion: 1, deviceId: 'tablet-anders' },
    );
    expect((await push(f.app, mette, [phone]))[0]?.status).toBe('applied');
    expect((await push(f.app, anders, [goals]))[0]).toMatchObject({
      status: 'applied',
      version: 3,
    });
    const { changes } = await pullAll(f.app, mette);
    const latest = changes.filter((c) => c.recordId === create.recordId).at(-1);
    expect(latest?.record).toMatchObject({
      phone: '11223344',
      ownGoals: 'Egen bolig',
      version: 3,
      conflicts: [],
    });
  });

  it('keeps the first write of the same field and shows the losing value as a conflict in the pull', async () => {
    const mette = await login(f.app, 'mette');
    const anders = await login(f.app, 'anders');
    const create = newCitizen();
    await push(f.app, mette, [create]);
    const first = mutation(
      'citizen',
      'update',
      create.recordId,
      { ownGoals: 'Mettes version' },
      { baseVersion: 1, deviceId: 'laptop-mette' },
    );
    const second = mutation(
      'citizen',
      'update',
      create.recordId,
      { ownGoals: 'Anders version' },
      { baseVersion: 1, deviceId: 'tablet-anders' },
    );
    await push(f.app, mette, [first]);
    const [clash] = await push(f.app, anders, [second]);
    expect(clash).toMatchObject({ status: 'conflict', kind: 'field-clash', version: 3 });
    const { changes } = await pullAll(f.app, anders);
    const record = changes.filter((c) => c.recordId === create.recordId).at(-1)?.record;
    expect(record).toMatchObject({
      ownGoals: 'Mettes version',
      conflicts: [
        {
          field: 'ownGoals',
          losingValue: 'Anders version',
          winningValue: 'Mettes version',
          losingUserId: 'anders',
        },
      ],
    });
  });

  it('keeps both versions when a final journal note is written twice', async () => {
    const mette = await login(f.app, 'mette');
    const anders = await login(f.app, 'anders');
    const citizen = newCitizen();
    const noteId = newId();
    const note = mutation('note', 'create', noteId, {
      citizenId: citizen.recordId,
      occurredAt: new Date().toISOString(),
      body: 'Samtale om bolig.',
      category: 'samtale',
      status: 'final',
      authorId: 'mette',
      finalizedAt: new Date().toISOString(),
    });
    await push(f.app, mette, [citizen, note]);
    const rewrite = mutation(
      'note',
      'update',
      noteId,
      { body: 'Samtale om bolig og økonomi.' },
      { baseVersion: 1, deviceId: 'tablet-anders' },
    );
    const [result] = await push(f.app, anders, [rewrite]);
    expect(result).toMatchObject({ status: 'conflict', kind: 'final-note-changed' });
    const secondId = result?.status === 'conflict' ? result.createdRecordId : undefined;
    expect(secondId).toBeDefined();
    const { changes } = await pullAll(f.app, mette);
    const notes = changes.filter(
      (c) => c.entity === 'note' && (c.recordId === noteId || c.recordId === secondId),
    );
    expect(notes.map((c) => c.record?.body)).toEqual([
      'Samtale om bolig.',
      'Samtale om bolig og økonomi.',
    ]);
    expect(notes[1]?.record?.conflictOfNoteId).toBe(noteId);
  });

  it('keeps an edit that came before a delete based on the older version, with a conflict', async () => {
    const mette = await login(f.app, 'mette');
    const anders = await login(f.app, 'anders');
    const create = newCitizen();
    await push(f.app, mette, [create]);
    await push(f.app, mette, [
      mutation(
        'citizen',
        'update',
        create.recordId,
        { phone: '99887766' },
        { baseVersion: 1, deviceId: 'laptop-mette' },
      ),
    ]);
    const [del] = await push(f.app, anders, [
      mutation(
        'citizen',
        'delete',
        create.recordId,
        {},
        { baseVersion: 1, deviceId: 'tablet-anders' },
      ),
    ]);
    expect(del).toMatchObject({ status: 'conflict', kind: 'delete-after-edit' });
    const last = (await changesOf(create.recordId)).at(-1);
    expect(last?.op).toBe('upsert');
    expect(JSON.parse(last?.data ?? '{}')).toMatchObject({
      phone: '99887766',
      conflicts: [{ kind: 'delete-after-edit' }],
    });
  });

  it('restores a deleted record when an edit based on the older version arrives after the delete', async () => {
    const mette = await login(f.app, 'mette');
    const anders = await login(f.app, 'anders');
    const create = newCitizen();
    await push(f.app, mette, [create]);
    const [del] = await push(f.app, anders, [
      mutation(
        'citizen',
        'delete',
        create.recordId,
        {},
        { baseVersion: 1, deviceId: 'tablet-anders' },
      ),
    ]);
    expect(del).toMatchObject({ status: 'applied', version: 2 });
    const [edit] = await push(f.app, mette, [
      mutation(
        'citizen',
        'update',
        create.recordId,
        { phone: '55443322' },
        { baseVersion: 1, deviceId: 'laptop-mette' },
      ),
    ]);
    expect(edit).toMatchObject({ status: 'conflict', kind: 'edit-after-delete', version: 3 });
    const { changes } = await pullAll(f.app, anders);
    const ofRecord = changes.filter((c) => c.recordId === create.recordId);
    expect(ofRecord.map((c) => c.op)).toEqual(['upsert', 'delete', 'upsert']);
    expect(ofRecord[1]?.record).toBeNull();
    expect(ofRecord[2]?.record).toMatchObject({
      phone: '55443322',
      conflicts: [{ kind: 'edit-after-delete' }],
    });
  });

  it('goes on with the batch after a refused mutation and keeps a copy of what it refused', async () => {
    const mette = await login(f.app, 'mette');
    const unknown = mutation('citizen', 'update', newId(), { phone: '123' }, { baseVersion: 1 });
    const good = newCitizen({ alias: 'Efter afvisning' });
    const owned = newCitizen({ version: 7 });
    const nameless = mutation('citizen', 'create', newId(), { phone: '12' });
    const results = await push(f.app, mette, [unknown, good, owned, nameless]);
    expect(results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual([
      'unknown-record',
      'applied',
      'server-owned-field',
      'invalid-fields',
    ]);
    const refused = await f.database.db
      .selectFrom('rejected_mutations')
      .selectAll()
      .where('mutation_id', 'in', [unknown.mutationId, owned.mutationId, nameless.mutationId])
      .execute();
    expect(refused.map((r) => r.code).sort()).toEqual([
      'invalid-fields',
      'server-owned-field',
      'unknown-record',
    ]);
    expect(JSON.parse(refused.find((r) => r.code === 'unknown-record')!.mutation)).toMatchObject({
      fields: { phone: '123' },
    });
    expect((await push(f.app, mette, [unknown]))[0]).toEqual(results[0]);
  });

  it('refuses a change to another team record as forbidden and gives creates the user team', async () => {
    const mette = await login(f.app, 'mette');
    const sara = await login(f.app, 'sara');
    const create = newCitizen();
    await push(f.app, mette, [create]);
    const [attack] = await push(f.app, sara, [
      mutation(
        'citizen',
        'update',
        create.recordId,
        { phone: '000' },
        { baseVersion: 1, deviceId: 'laptop-sara' },
      ),
    ]);
    expect(attack).toMatchObject({ status: 'rejected', code: 'forbidden' });
    const own = newCitizen({}, 'laptop-sara');
    await push(f.app, sara, [own]);
    const row = await f.database.db
      .selectFrom('records')
      .select('team_id')
      .where('id', '=', own.recordId)
      .executeTakeFirstOrThrow();
    expect(row.team_id).toBe('odense-nord');
  });

  it('writes an audit entry for every change and every push', async () => {
    const mette = await login(f.app, 'mette');
    const create = newCitizen();
    await push(f.app, mette, [create]);
    const entries = await f.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('record_id', '=', create.recordId)
      .execute();
    expect(entries).toMatchObject([{ action: 'create', user_id: 'mette', entity: 'citizen' }]);
    const pushes = await f.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'push')
      .execute();
    expect(pushes.length).toBeGreaterThan(0);
  });
});
