import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../src/protocol';
import { newId } from '../../src/domain/ids';
import { proposeErasures } from '../../src/server/retention/erasureProposals';
import { reduceAnonymousContacts } from '../../src/server/retention/reduceAnonymousContacts';
import {
  authHeaders,
  login,
  loginOn,
  mutation,
  newCitizen,
  newNote,
  pullAllCursor,
  push,
} from './helpers/api';
import { useSeededApp } from './helpers/appFixture';
import { DIALECTS } from './helpers/testDatabase';

/** `levels` arrays inside each other around `inner`, as JSON text (built without recursion). */
function nested(levels: number, inner = '1'): string {
  return `${'['.repeat(levels)}${inner}${']'.repeat(levels)}`;
}

describe.each(DIALECTS)('input that used to poison a device outbox (%s)', (dialect) => {
  const f = useSeededApp(dialect);

  async function pushRaw(token: string, body: string) {
    return f.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { ...authHeaders(token), 'content-type': 'application/json' },
      payload: body,
    });
  }

  /** A push body with `fieldsJson` spliced in as the citizen create's `fields`. */
  function pushBodyWithFields(fieldsJson: string): string {
    const create = newCitizen();
    const { fields: _fields, ...rest } = create;
    const envelope = JSON.stringify({ deviceId: create.deviceId, mutations: [rest] });
    return envelope.replace(/}\]}$/, `,"fields":${fieldsJson}}]}`);
  }

  it('refuses 5,000 levels of nesting inside fields.consents with 400, not a stack overflow', async () => {
    const token = await login(f.app, 'mette');
    const body = pushBodyWithFields(`{"firstName":"Dyb","consents":${nested(5_000)}}`);
    expect(body.length).toBeGreaterThan(10_000);
    const res = await pushRaw(token, body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { code: 'invalid-request', details: { maxDepth: MAX_JSON_DEPTH } },
    });
  });

  it('refuses 100,000 levels of nesting in any field with 400', async () => {
    const token = await login(f.app, 'mette');
    const res = await pushRaw(token, pushBodyWithFields(`{"lifeStory":${nested(100_000)}}`));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'invalid-request' } });
  });

  it('counts no brackets inside strings, and takes a body at the depth limit', async () => {
    const token = await login(f.app, 'mette');
    const brackets = '['.repeat(10_000);
    const stored = await push(f.app, token, [
      newCitizen({ alias: 'Klammer', lifeStory: brackets }),
    ]);
    expect(stored).toMatchObject([{ status: 'applied' }]);
    // The envelope is 3 levels (body, mutations, mutation) and fields a 4th.
    const atLimit = pushBodyWithFields(`{"firstName":"Grænse","x":${nested(MAX_JSON_DEPTH - 4)}}`);
    const res = await pushRaw(token, atLimit);
    expect(res.statusCode).toBe(200);
    expect(res.json<{ results: { status: string }[] }>().results[0]?.status).toBe('rejected');
  });

  it.each([
    ['a NUL character', '\u0000'],
    ['a lone surrogate', '\ud83d'],
  ])('refuses %s in a device id, team id or field name with 400', async (_what, odd) => {
    const token = await login(f.app, 'mette');
    const oddDevice = newCitizen({}, `device-${odd}-odd`);
    const oddTeam = { ...newCitizen(), teamId: `team${odd}x` };
    const oddField = newCitizen({ [`first${odd}Name`]: 'x' });
    for (const [deviceId, m] of [
      [`device-${odd}-odd`, oddDevice],
      ['device-test-1', oddTeam],
      ['device-test-1', oddField],
    ] as const) {
      const res = await pushRaw(token, JSON.stringify({ deviceId, mutations: [m] }));
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'invalid-request' } });
    }
  });

  it('stores a NUL character in a field value verbatim and pulls it back the same', async () => {
    const { token } = await loginOn(f.app, 'mette', 'device-nul-value');
    const create = newCitizen({ alias: 'Nul', lifeStory: 'før\u0000efter' }, 'device-nul-value');
    expect(await push(f.app, token, [create])).toMatchObject([{ status: 'applied' }]);
    const { changes } = await pullAllCursor(f.app, token);
    const pulled = changes.find((c) => c.recordId === create.recordId);
    expect(pulled?.record?.lifeStory).toBe('før\u0000efter');
  });

  // A NUL, and half of an emoji (a lone surrogate, as a text cut to a length can leave): neither
  // is accepted by PostgreSQL's JSON functions, both can be typed or pasted into a free-text field.
  it.each([
    ['a NUL character', '\u0000'],
    ['a lone surrogate', '\ud83d'],
  ])(
    'stores %s in a note, a visit, a follow-up and a contact, and the statistics and retention still run',
    async (_what, odd) => {
      const device = `device-odd-${odd.charCodeAt(0)}`;
      const { token } = await loginOn(f.app, 'mette', device);
      const citizen = newCitizen({ alias: 'Nul' }, device);
      const visitId = newId();
      const now = new Date().toISOString();
      const nul = (text: string) => `${text} før${odd}efter`;
      const records = [
        mutation(
          'visit',
          'create',
          visitId,
          { locationId: newId(), userId: 'mette', startedAt: now, summary: nul('Vagt') },
          { deviceId: device },
        ),
        newNote(citizen.recordId, { body: nul('Samtale') }, device),
        mutation(
          'followUp',
          'create',
          newId(),
          {
            citizenId: citizen.recordId,
            title: nul('Ring'),
            dueOn: now.slice(0, 10),
            assigneeId: 'mette',
          },
          { deviceId: device },
        ),
        mutation(
          'contact',
          'create',
          newId(),
          { visitId, locationId: newId(), at: now, kind: 'anonymous', remark: nul('Kaffe') },
          { deviceId: device },
        ),
      ];
      const results = await push(f.app, token, [citizen, ...records]);
      expect(results.map((r) => r.status)).toEqual(Array(5).fill('applied'));
      const { changes } = await pullAllCursor(f.app, token);
      const pulled = (id: string) => changes.find((c) => c.recordId === id)?.record;
      expect(pulled(records[0]!.recordId)?.summary).toBe(nul('Vagt'));
      expect(pulled(records[1]!.recordId)?.body).toBe(nul('Samtale'));
      expect(pulled(records[2]!.recordId)?.title).toBe(nul('Ring'));
      expect(pulled(records[3]!.recordId)?.remark).toBe(nul('Kaffe'));

      // The statistics read the contact and the visit; the retention rules read every record.
      const lone = await login(f.app, 'lone');
      const statistics = await f.app.inject({
        method: 'GET',
        url: `/api/statistics?from=${now.slice(0, 10)}&to=${now.slice(0, 10)}`,
        headers: authHeaders(lone),
      });
      expect(statistics.statusCode, statistics.body).toBe(200);
      const later = new Date(Date.now() + 10 * 365 * 86_400_000);
      await expect(proposeErasures(f.database, f.testDb.config, later)).resolves.toBeDefined();
      expect(
        await reduceAnonymousContacts(f.database, f.testDb.config, later),
      ).toBeGreaterThanOrEqual(1);
    },
  );

  it('refuses a NUL character in a login username, an admin team name and a query parameter', async () => {
    const loginRes = await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: authHeaders('x'),
      payload: { username: 'met\u0000te', password: 'demo' },
    });
    expect(loginRes.statusCode).toBe(400);
    const admin = await login(f.app, 'lone');
    const team = await f.app.inject({
      method: 'POST',
      url: '/api/admin/teams',
      headers: authHeaders(admin),
      payload: { id: 'nul-team', name: 'Team\u0000Nul' },
    });
    expect(team.statusCode).toBe(400);
    expect(team.json()).toMatchObject({ error: { code: 'invalid-request' } });
    const devices = await f.app.inject({
      method: 'GET',
      url: '/api/admin/devices?userId=%00mette',
      headers: authHeaders(admin),
    });
    expect(devices.statusCode).toBe(400);
    expect(devices.json()).toMatchObject({ error: { code: 'invalid-request' } });
  });

  it('answers notes naming a citizen with array syntax, quotes or a NUL as refused, each on its own', async () => {
    // A citizen id that is no id is refused with its note: it is neither looked up nor written to
    // the audit log's citizen column, where PostgreSQL refused the NUL and failed the whole batch.
    const token = await login(f.app, 'mette');
    const citizen = newCitizen();
    const hostile = [
      '{"a","b"}',
      'x","y',
      'back\\slash',
      'nul\u0000id',
      '',
      `${citizen.recordId},x`,
    ];
    const notes = hostile.map((citizenId) => newNote(citizen.recordId, { citizenId }));
    const good = newNote(citizen.recordId, { body: 'Den gode note' });
    const results = await push(f.app, token, [citizen, ...notes, good]);
    expect(results[0]?.status).toBe('applied');
    expect(results.slice(1, -1).map((r) => r.status)).toEqual(hostile.map(() => 'rejected'));
    expect(results.at(-1)?.status).toBe('applied');
    const { changes } = await pullAllCursor(f.app, token);
    expect(
      changes
        .filter((c) => c.entity === 'note' && c.record?.citizenId === citizen.recordId)
        .map((c) => c.recordId),
    ).toContain(good.recordId);
  });
});
