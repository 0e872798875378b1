import { describe, expect, it } from 'vitest';
import type { Dialect } from '../../src/server/data/schema';
import { serverWithDevices } from './helpers/serverWithDevices';
import { citizenFields, comparable, noteFields } from './helpers/factories';
import { readRecord } from '../helpers/sealedDb';
import type { Citizen } from '../../src/domain';

describe.each<Dialect>(['sqlite', 'postgres'])('two devices offline, on %s', (dialect) => {
  const env = serverWithDevices(dialect);

  it('converge on the same citizen, show the same-field clash as a conflict and keep every note', async () => {
    const mette = await env.device('mette');
    const anders = await env.device('anders');
    const citizen = await mette.repos.citizens.create(
      mette.ctx,
      citizenFields({ firstName: 'Bente', phone: '11 11 11 11' }),
    );
    await mette.sync();
    await anders.sync();

    mette.net.offline = true;
    anders.net.offline = true;
    await mette.repos.citizens.update(mette.ctx, citizen.id, {
      phone: '22 22 22 22',
      lifeStory: 'Voksede op i Vollsmose',
    });
    await anders.repos.citizens.update(anders.ctx, citizen.id, {
      phone: '33 33 33 33',
      ownGoals: 'Egen lejlighed inden jul',
    });
    const mNote = await mette.repos.notes.create(
      mette.ctx,
      noteFields(mette, citizen.id, 'Mette: samtale'),
    );
    const aNote = await anders.repos.notes.create(
      anders.ctx,
      noteFields(anders, citizen.id, 'Anders: samtale'),
    );

    mette.net.offline = false;
    anders.net.offline = false;
    await mette.sync();
    const andersRun = await anders.sync();
    expect(andersRun.push.conflicts).toBe(1);
    await mette.sync();
    await anders.sync();

    const m = await readRecord<Citizen>(mette.db, 'citizens', citizen.id);
    const a = await readRecord<Citizen>(anders.db, 'citizens', citizen.id);
    expect(comparable(a)).toEqual(comparable(m));
    // Different fields both survive; the same field keeps the first write in server order.
    expect(m).toMatchObject({
      phone: '22 22 22 22',
      lifeStory: 'Voksede op i Vollsmose',
      ownGoals: 'Egen lejlighed inden jul',
    });
    expect(m?.conflicts).toHaveLength(1);
    expect(m?.conflicts[0]).toMatchObject({
      field: 'phone',
      winningValue: '22 22 22 22',
      losingValue: '33 33 33 33',
      losingUserId: anders.user.id,
      kind: 'field-clash',
    });
    for (const device of [mette, anders]) {
      const notes = await device.db.notes.where('citizenId').equals(citizen.id).toArray();
      expect(notes.map((n) => n.id).sort()).toEqual([mNote.id, aNote.id].sort());
      expect(await device.outbox()).toHaveLength(0);
    }
  });
});
