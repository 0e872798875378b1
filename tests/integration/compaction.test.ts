import { describe, expect, it } from 'vitest';
import type { Citizen, Note } from '../../src/domain';
import { compactChangeLog } from '../../src/server/retention/compactChangeLog';
import { readAll, readRecord } from '../helpers/sealedDb';
import type { Device } from './helpers/device';
import { citizenFields, noteFields } from './helpers/factories';
import { serverWithDevices } from './helpers/serverWithDevices';

const env = serverWithDevices();
/** A cutoff after every change so far: everything replaced and every tombstone goes. */
const compactAll = () => compactChangeLog(env.server.db, new Date(Date.now() + 86_400_000));

const citizensOf = async (device: Device) =>
  (await readAll<Citizen>(device.db, 'citizens'))
    .map((c) => `${c.id}:${c.firstName ?? ''}:${c.phone ?? ''}`)
    .sort();

describe('change-log compaction and devices', () => {
  it('resynchronises a device offline past the horizon from nothing, after pushing its offline work, losing none of it', async () => {
    const mette = await env.device('mette');
    const anders = await env.device('anders');
    const a = await mette.repos.citizens.create(mette.ctx, citizenFields({ firstName: 'Alma' }));
    const b = await mette.repos.citizens.create(mette.ctx, citizenFields({ firstName: 'Bent' }));
    await mette.sync();
    await anders.sync();

    // Anders works offline; meanwhile Mette deletes Bent and edits Alma, and the log is compacted.
    const note = await anders.repos.notes.create(anders.ctx, noteFields(anders, a.id, 'Offline'));
    await anders.repos.citizens.update(anders.ctx, a.id, { ownGoals: 'Egen bolig' });
    await mette.repos.citizens.remove(mette.ctx, b.id);
    await mette.repos.citizens.update(mette.ctx, a.id, { phone: '11 22 33 44' });
    await mette.sync();
    const compacted = await compactAll();
    expect(compacted.tombstones).toBeGreaterThan(0);

    const run = await anders.sync();
    expect(run.push.applied).toBe(2);
    expect(await anders.outbox()).toEqual([]);
    expect(await readRecord<Citizen>(anders.db, 'citizens', b.id)).toBeUndefined();
    expect(await readRecord<Citizen>(anders.db, 'citizens', a.id)).toMatchObject({
      ownGoals: 'Egen bolig',
      phone: '11 22 33 44',
    });
    expect(await readRecord<Note>(anders.db, 'notes', note.id)).toMatchObject({ body: 'Offline' });
    await mette.sync();
    expect(await citizensOf(anders)).toEqual(await citizensOf(mette));
  });

  it('keeps every device converging when the log is compacted while they push and pull', async () => {
    const devices = [
      await env.device('mette'),
      await env.device('anders'),
      await env.device('mette'),
    ];
    const made: string[] = [];
    for (let round = 0; round < 4; round++) {
      await Promise.all(
        devices.map(async (d, i) => {
          const c = await d.repos.citizens.create(
            d.ctx,
            citizenFields({ firstName: `R${round}D${i}` }),
          );
          made.push(c.id);
          const earlier = made[(round * 3 + i) % made.length];
          if (earlier && (await readRecord(d.db, 'citizens', earlier))) {
            if ((round + i) % 2 === 0)
              await d.repos.citizens.remove(d.ctx, earlier).catch(() => {});
            else
              await d.repos.citizens
                .update(d.ctx, earlier, { phone: `${round}${i}` })
                .catch(() => {});
          }
        }),
      );
      await Promise.all([...devices.map((d) => d.sync()), compactAll()]);
    }
    for (const d of devices) await d.sync();
    for (const d of devices) await d.sync();
    const fresh = await env.device('anders');
    await fresh.sync();
    const expected = await citizensOf(fresh);
    for (const d of devices) expect(await citizensOf(d)).toEqual(expected);
  });
});
