import { describe, expect, it } from 'vitest';
import { readRecord } from '../helpers/sealedDb';
import { pushOutbox } from '../../src/sync/pushOutbox';
import { serverWithDevices } from './helpers/serverWithDevices';
import { citizenFields } from './helpers/factories';

const env = serverWithDevices();
const device = env.device;

describe('recording the answers of a push', () => {
  it("lets an edit made after a push but before the pull through, with no clash against the device's own writes", async () => {
    const mette = await device('mette');
    const anders = await device('anders');
    await mette.sync();
    const shared = await mette.repos.citizens.create(mette.ctx, citizenFields({ alias: 'Delt' }));
    await mette.sync();
    await anders.sync();
    await anders.repos.citizens.update(anders.ctx, shared.id, { phone: '11 22 33 44' });
    await anders.sync();

    const own = await mette.repos.citizens.create(mette.ctx, citizenFields({ alias: 'Egen' }));
    await mette.repos.citizens.update(mette.ctx, own.id, { phone: '55 66 77 88' });
    await mette.repos.citizens.update(mette.ctx, own.id, { alias: 'Egen-2' });
    await mette.repos.citizens.update(mette.ctx, shared.id, { alias: 'Delt-2' });
    const summary = await pushOutbox(mette.db, mette.api, { deviceId: mette.ctx.deviceId });
    expect(summary).toMatchObject({ sent: 4, applied: 4, conflicts: 0, rejected: 0 });
    expect(await mette.outbox()).toHaveLength(0);

    // No pull yet (the connection dropped): the next edit is based on the version the device has.
    await mette.repos.citizens.update(mette.ctx, own.id, { phone: '99 88 77 66' });
    const again = await pushOutbox(mette.db, mette.api, { deviceId: mette.ctx.deviceId });
    expect(again).toMatchObject({ sent: 1, applied: 1, conflicts: 0, rejected: 0 });

    await mette.sync();
    const read = (id: string) => readRecord<Record<string, unknown>>(mette.db, 'citizens', id);
    expect(await read(own.id)).toMatchObject({
      version: 4,
      alias: 'Egen-2',
      phone: '99 88 77 66',
      conflicts: [],
    });
    // The colleague's phone and this device's alias, merged on the server, came with the pull.
    expect(await read(shared.id)).toMatchObject({
      version: 3,
      alias: 'Delt-2',
      phone: '11 22 33 44',
      conflicts: [],
    });
  });
});
