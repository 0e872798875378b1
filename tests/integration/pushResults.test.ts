import { describe, expect, it } from 'vitest';
import { readRecord } from '../helpers/sealedDb';
import { pushOutbox } from '../../src/sync/pushOutbox';
import { serverWithDevices } from './helpers/serverWithDevices';
import { citizenFields } from './helpers/factories';

const env = serverWithDevices();
const device = env.device;

describe('recording the answers of a push', () => {
  it('claims the versions of its own chained edits after a push, and leaves a record a colleague wrote in between for the pull', async () => {
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
    const version = async (id: string) =>
      (await readRecord<Record<string, unknown>>(mette.db, 'citizens', id))?.version;
    // Server versions 1, 2, 3: the device has exactly that content.
    expect(await version(own.id)).toBe(3);
    // Applied at 3 over the colleague's 2: the merged record comes with the next pull.
    expect(await version(shared.id)).toBe(1);
    await mette.sync();
    expect(await version(shared.id)).toBe(3);
  });
});
