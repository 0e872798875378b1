import { describe, expect, it } from 'vitest';
import type { Contact } from '../../src/domain';
import { newId } from '../../src/domain/ids';
import { reduceAnonymousContacts } from '../../src/server/retention/reduceAnonymousContacts';
import { readAll } from '../helpers/sealedDb';
import { serverWithDevices } from './helpers/serverWithDevices';

const env = serverWithDevices();

describe('anonymous contacts reduced by the retention job, on the devices', () => {
  it('replaces the copy on a device that synced it with the reduced contact at its next sync, keeping what the statistics count', async () => {
    const marker = `MRK${newId().replace(/-/g, '')}`;
    const anders = await env.device('anders');
    await anders.sync();
    const id = newId();
    const at = new Date(Date.now() - 800 * 86_400_000).toISOString();
    const answer = await anders.api.push({
      deviceId: anders.ctx.deviceId,
      mutations: [
        {
          mutationId: newId(),
          deviceId: anders.ctx.deviceId,
          entity: 'contact',
          recordId: id,
          op: 'create',
          fields: {
            visitId: newId(),
            locationId: newId(),
            at,
            kind: 'anonymous',
            ageGroup: '40-59',
            gender: 'andet',
            topics: ['bolig'],
            remark: `Fortalte om ${marker}`,
          },
          baseVersion: 0,
          clientTime: new Date().toISOString(),
        },
      ],
    });
    expect(answer.results[0]).toMatchObject({ status: 'applied' });
    await anders.sync();
    const stored = async () =>
      (await readAll<Contact>(anders.db, 'contacts')).find((c) => c.id === id);
    expect((await stored())?.remark).toContain(marker);

    expect(
      await reduceAnonymousContacts(
        env.server.db,
        { ANONYMOUS_CONTACT_DETAIL_DAYS: 730 },
        new Date(),
      ),
    ).toBe(1);
    await anders.sync();
    expect(await stored()).toMatchObject({
      remark: '',
      at,
      kind: 'anonymous',
      ageGroup: '40-59',
      gender: 'andet',
      topics: ['bolig'],
      version: 2,
    });
    // And a device that syncs for the first time never receives the remark.
    const mette = await env.device('mette');
    await mette.sync();
    const fresh = (await readAll<Contact>(mette.db, 'contacts')).find((c) => c.id === id);
    expect(fresh?.remark).toBe('');
  });
});
