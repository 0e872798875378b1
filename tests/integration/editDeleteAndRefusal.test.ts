import { describe, expect, it } from 'vitest';
import { pullChanges } from '../../src/sync/pullChanges';
import { listRejectedIn } from '../../src/sync/outboxQueries';
import { resendRejected } from '../../src/sync/resendRejected';
import { serverWithDevices } from './helpers/serverWithDevices';
import { citizenFields, noteFields } from './helpers/factories';
import { readRecord } from '../helpers/sealedDb';
import type { Citizen } from '../../src/domain';

const env = serverWithDevices();
const pair = async () => {
  const mette = await env.device('mette');
  const anders = await env.device('anders');
  return { mette, anders };
};

describe('edit against delete', () => {
  it('keeps an edit made offline when a colleague deleted the citizen first, with a visible conflict', async () => {
    const { mette, anders } = await pair();
    const c = await mette.repos.citizens.create(mette.ctx, citizenFields({ firstName: 'Ole' }));
    await mette.sync();
    await anders.sync();

    await mette.repos.citizens.remove(mette.ctx, c.id);
    await anders.repos.citizens.update(anders.ctx, c.id, { ownGoals: 'Komme i behandling' });
    await mette.sync();

    // Anders pulls the tombstone before his edit is sent: his edit stays on screen.
    await pullChanges(anders.db, anders.api);
    expect(await readRecord<Citizen>(anders.db, 'citizens', c.id)).toMatchObject({
      ownGoals: 'Komme i behandling',
    });

    await anders.sync();
    await mette.sync();
    for (const device of [mette, anders]) {
      const record = await readRecord<Citizen>(device.db, 'citizens', c.id);
      expect(record).toMatchObject({ firstName: 'Ole', ownGoals: 'Komme i behandling' });
      expect(record?.conflicts.map((x) => x.kind)).toEqual(['edit-after-delete']);
    }
  });

  it('keeps the citizen when a delete made offline reaches the server after a colleague edit', async () => {
    const { mette, anders } = await pair();
    const c = await mette.repos.citizens.create(mette.ctx, citizenFields({ firstName: 'Kim' }));
    await mette.sync();
    await anders.sync();

    await anders.repos.citizens.update(anders.ctx, c.id, { phone: '44 44 44 44' });
    await mette.repos.citizens.remove(mette.ctx, c.id);
    await anders.sync();
    const run = await mette.sync();
    expect(run.push.conflicts).toBe(1);
    await anders.sync();
    for (const device of [mette, anders]) {
      const record = await readRecord<Citizen>(device.db, 'citizens', c.id);
      expect(record).toMatchObject({ phone: '44 44 44 44' });
      expect(record?.conflicts.map((x) => x.kind)).toEqual(['delete-after-edit']);
    }
  });
});

describe('a change the server refuses', () => {
  it('stays in the needs-attention list while the rest of the queue goes through, and can be resent', async () => {
    const { mette, anders } = await pair();
    const c = await mette.repos.citizens.create(mette.ctx, citizenFields({ firstName: 'Lis' }));
    const note = await mette.repos.notes.create(mette.ctx, noteFields(mette, c.id, 'Kladde'));
    await mette.sync();
    await anders.sync();

    // Mette finalizes the note; Anders, offline with the old draft, deletes it, then keeps working.
    await mette.repos.notes.finalize(mette.ctx, note.id);
    await mette.sync();
    await anders.repos.notes.remove(anders.ctx, note.id);
    const later = await anders.repos.citizens.create(
      anders.ctx,
      citizenFields({ alias: 'Sørens ven' }),
    );
    await anders.repos.citizens.update(anders.ctx, c.id, { usualPlaceNote: 'Bænken ved kirken' });

    const run = await anders.sync();
    expect(run.push).toMatchObject({ applied: 2, rejected: 1 });
    const rejected = await listRejectedIn(anders.db);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({
      recordId: note.id,
      op: 'delete',
      state: 'rejected',
      lastError: { code: 'note-final-immutable' },
    });
    expect(rejected[0]?.rejectedAt).toBeDefined();
    expect(await readRecord<Citizen>(anders.db, 'citizens', later.id)).toMatchObject({
      version: 1,
    });
    // The final note is back on Anders' device; his refused delete is kept, not discarded.
    expect(await readRecord<Record<string, unknown>>(anders.db, 'notes', note.id)).toMatchObject({
      status: 'final',
    });

    // Another sync does not resend or drop it.
    await anders.sync();
    expect(await listRejectedIn(anders.db)).toHaveLength(1);

    // A refused create, fixed on the needs-attention page, goes through when resent.
    await anders.db.outbox.add({
      ...(await anders.outbox()).at(0)!,
      seq: undefined,
      mutationId: '01a2100a-0000-7000-8000-000000000001',
      entity: 'citizen',
      recordId: '01a2100a-0000-7000-8000-0000000000c1',
      op: 'create',
      fields: { firstName: '', alias: '' },
      baseVersion: 0,
      state: 'pending',
    });
    await anders.sync();
    const refusedCreate = (await listRejectedIn(anders.db)).find((e) => e.op === 'create')!;
    expect(refusedCreate.lastError?.code).toBe('invalid-fields');
    await resendRejected(refusedCreate.seq!, { firstName: 'Rettet' }, anders.db);
    await anders.sync();
    expect((await listRejectedIn(anders.db)).map((e) => e.op)).toEqual(['delete']);
    expect(await readRecord<Citizen>(anders.db, 'citizens', refusedCreate.recordId)).toMatchObject({
      firstName: 'Rettet',
    });
  });
});
