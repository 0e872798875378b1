import { describe, expect, it } from 'vitest';
import { useSeededApp } from './helpers/appFixture';
import { loginOn, mutation, newCitizen, push } from './helpers/api';
import { DIALECTS } from './helpers/testDatabase';

describe.each(DIALECTS)('the device a mutation is applied as (%s)', (dialect) => {
  const f = useSeededApp(dialect);

  it("turns a colleague's device id in the body into a conflict, not a silent overwrite, and stores the session's device", async () => {
    const mette = await loginOn(f.app, 'mette', 'laptop-mette');
    const anders = await loginOn(f.app, 'anders', 'tablet-anders');
    const create = newCitizen({ alias: 'Kaj', phone: '11111111' }, 'laptop-mette');
    await push(f.app, mette.token, [create]);
    const metteEdit = mutation(
      'citizen',
      'update',
      create.recordId,
      { phone: '22222222' },
      { baseVersion: 1, deviceId: 'laptop-mette' },
    );
    expect((await push(f.app, mette.token, [metteEdit]))[0]?.status).toBe('applied');

    // Anders edits from the version before Mette's edit, claiming to be Mette's laptop.
    const forged = mutation(
      'citizen',
      'update',
      create.recordId,
      { phone: '33333333', alias: 'Kaj B' },
      { baseVersion: 1, deviceId: 'laptop-mette' },
    );
    const [result] = await push(f.app, anders.token, [forged]);
    expect(result).toMatchObject({ status: 'conflict', kind: 'field-clash' });
    expect(result?.status === 'conflict' && result.conflicts).toEqual([
      expect.objectContaining({
        field: 'phone',
        losingValue: '33333333',
        winningValue: '22222222',
        losingUserId: 'anders',
        losingDeviceId: 'tablet-anders',
      }),
    ]);

    const stored = await f.database.db
      .selectFrom('records')
      .select(['data', 'field_versions'])
      .where('id', '=', create.recordId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.data)).toMatchObject({ phone: '22222222', alias: 'Kaj B' });
    expect(JSON.parse(stored.field_versions)).toMatchObject({
      phone: { version: 2, deviceId: 'laptop-mette' },
      alias: { version: 3, deviceId: 'tablet-anders' },
    });
    const applied = await f.database.db
      .selectFrom('applied_mutations')
      .select('device_id')
      .where('mutation_id', '=', forged.mutationId)
      .executeTakeFirstOrThrow();
    expect(applied.device_id).toBe('tablet-anders');
  });
});
