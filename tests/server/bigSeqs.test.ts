import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../src/server/syncApi/pullCursor';
import { authHeaders, loginOn, mutation, newCitizen, pullAllCursor, push } from './helpers/api';
import { useSeededApp } from './helpers/appFixture';
import { DIALECTS } from './helpers/testDatabase';

const PAST_INT32 = 2 ** 31 + 10;

describe.each(DIALECTS)('change-log seqs past 2^31 (%s)', (dialect) => {
  const f = useSeededApp(dialect);

  async function pullUrl(token: string, query: string) {
    return f.app.inject({
      method: 'GET',
      url: `/api/sync/pull?${query}`,
      headers: authHeaders(token),
    });
  }

  it('stores, updates and delivers changes whose seq is past 2^31', async () => {
    if (dialect === 'postgres')
      await sql`select setval('changes_seq', ${PAST_INT32})`.execute(f.database.db);
    else await sql`update change_seq set last = ${PAST_INT32}`.execute(f.database.db);
    const { token, user } = await loginOn(f.app, 'mette', 'device-big-seq');
    const create = newCitizen({ alias: 'Stor seq' }, 'device-big-seq');
    expect(await push(f.app, token, [create])).toMatchObject([{ status: 'applied' }]);
    const update = mutation(
      'citizen',
      'update',
      create.recordId,
      { alias: 'Stadig stor' },
      { baseVersion: 1, deviceId: 'device-big-seq' },
    );
    expect(await push(f.app, token, [update])).toMatchObject([{ status: 'applied', version: 2 }]);

    const { changes, cursor: last } = await pullAllCursor(f.app, token);
    const mine = changes.filter((c) => c.recordId === create.recordId);
    expect(mine.map((c) => c.seq)).toEqual([PAST_INT32 + 1, PAST_INT32 + 2]);
    expect(mine.at(-1)?.record?.alias).toBe('Stadig stor');

    // A device whose cursor is already past 2^31 gets what came after it.
    const cursor = encodeCursor({ ...decodeCursor(last ?? ''), [user.teamId]: 2 ** 31 });
    const page = await pullUrl(token, `cursor=${cursor}`);
    expect(page.statusCode).toBe(200);
    const delivered = page.json<{ changes: { recordId: string; seq: number }[] }>().changes;
    expect(delivered.map((c) => [c.recordId, c.seq])).toEqual([
      [create.recordId, PAST_INT32 + 1],
      [create.recordId, PAST_INT32 + 2],
    ]);
  });

  it.each([
    ['a negative position', -1],
    ['a position past Number.MAX_SAFE_INTEGER', 2 ** 53],
    ['a fractional position', 1.5],
  ])('refuses a cursor with %s with 400', async (_name, position) => {
    const { token, user } = await loginOn(f.app, 'mette', 'device-big-seq');
    const res = await pullUrl(token, `cursor=${encodeCursor({ [user.teamId]: position })}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'invalid-request' } });
  });
});
