import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { sealedDb } from '../../helpers/sealedDb';

describe('local database schema upgrades', () => {
  it('keeps the waiting outbox and the records of a version 1 database when it opens as the current version', async () => {
    const name = 'upgrade-test';
    const v1 = new Dexie(name);
    v1.version(1).stores({
      citizens: 'id, updatedAt',
      outbox: '++seq, &mutationId, recordId, state, entity',
      meta: 'key',
    });
    await v1.table('citizens').add({ id: 'c1', alias: 'Store-J', updatedAt: '2026-11-24' });
    await v1.table('outbox').add({ mutationId: 'm1', recordId: 'c1', state: 'pending' });
    v1.close();

    const upgraded = await sealedDb(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(7);
    expect(await upgraded.citizens.get('c1')).toMatchObject({ alias: 'Store-J' });
    expect(await upgraded.outbox.where('state').equals('pending').count()).toBe(1);
    // The unique mutationId index is gone (v7): a save writes two outbox index entries, not three.
    expect(upgraded.outbox.schema.indexes.map((i) => i.name).sort()).toEqual(['recordId', 'state']);
    expect(await upgraded.auditEvents.count()).toBe(0);
    expect(await upgraded.citizens.where('teamId').equals('x').count()).toBe(0);
    expect(await upgraded.citizens.where('conflicted').above(0).count()).toBe(0);
    expect(await upgraded.table('handoverMarks').count()).toBe(0);
    // Rows from before the conflict mark are marked by the app later (it must unseal them).
    expect(await upgraded.meta.get('conflictMarksPending')).toEqual({
      key: 'conflictMarksPending',
      value: true,
    });
    upgraded.close();
    await Dexie.delete(name);
  });
});
