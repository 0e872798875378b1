import { describe, expect, it } from 'vitest';
import { serverWithDevices } from './helpers/serverWithDevices';
import { citizenFields } from './helpers/factories';
import { readRecord } from '../helpers/sealedDb';
import type { Citizen } from '../../src/domain';

const HOUR_MS = 3_600_000;
const env = serverWithDevices();

describe.each([
  ['a day ahead', 24 * HOUR_MS],
  ['an hour behind', -HOUR_MS],
])('a device whose clock is %s', (_label, skewMs) => {
  it('changes nothing: the server orders the writes and stamps the times', async () => {
    const skewed = await env.device('mette', {
      now: () => new Date(Date.now() + skewMs),
    });
    const correct = await env.device('anders');
    const c = await correct.repos.citizens.create(
      correct.ctx,
      citizenFields({ firstName: 'Frede' }),
    );
    await correct.sync();
    await skewed.sync();

    // The correct device writes first in real time but reaches the server second.
    await correct.repos.citizens.update(correct.ctx, c.id, { phone: '55 55 55 55' });
    await skewed.repos.citizens.update(skewed.ctx, c.id, { phone: '66 66 66 66' });
    const [entry] = await skewed.outbox();
    expect(Math.abs(Date.parse(entry!.clientTime) - Date.now() - skewMs)).toBeLessThan(60_000);
    await skewed.sync();
    await correct.sync();
    await skewed.sync();

    for (const device of [skewed, correct]) {
      const record = await readRecord<Citizen>(device.db, 'citizens', c.id);
      // First in server order wins, whatever the clocks said.
      expect(record?.phone).toBe('66 66 66 66');
      expect(record?.conflicts[0]).toMatchObject({ losingValue: '55 55 55 55' });
      // Times on the record are the server's, not the skewed device's.
      expect(Math.abs(Date.parse(record!.updatedAt) - Date.now())).toBeLessThan(60_000);
    }
  });
});
