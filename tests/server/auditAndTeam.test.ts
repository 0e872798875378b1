import { describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { purgeOldAudit } from '../../src/server/audit/audit';
import { useSeededApp } from './helpers/appFixture';
import { authHeaders, login } from './helpers/api';
import { DIALECTS } from './helpers/testDatabase';

describe.each(DIALECTS)('audit of device reads and the team list (%s)', (dialect) => {
  const f = useSeededApp(dialect);

  it('stores reads and searches a device reports, once even when the batch is resent', async () => {
    const token = await login(f.app, 'anders');
    const citizenId = newId();
    const events = [
      {
        id: newId(),
        action: 'read',
        entity: 'citizen',
        recordId: citizenId,
        at: new Date().toISOString(),
      },
      { id: newId(), action: 'search', term: 'Store-J', at: new Date().toISOString() },
    ];
    const send = () =>
      f.app.inject({
        method: 'POST',
        url: '/api/audit/events',
        headers: authHeaders(token),
        payload: { deviceId: 'tablet-anders', events },
      });
    expect((await send()).json()).toEqual({ stored: 2 });
    expect((await send()).json()).toEqual({ stored: 0 });
    const rows = await f.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where(
        'id',
        'in',
        events.map((e) => e.id),
      )
      .orderBy('action')
      .execute();
    expect(rows).toMatchObject([
      { action: 'read', user_id: 'anders', team_id: 'odense-syd', record_id: citizenId },
      { action: 'search', user_id: 'anders' },
    ]);
    expect(JSON.parse(rows[1]!.detail!)).toMatchObject({
      term: 'Store-J',
      deviceId: 'tablet-anders',
    });
  });

  it('deletes audit entries older than the retention period and keeps the rest', async () => {
    // Written directly: the events route itself no longer stores an event past the retention.
    const entry = (at: string) => ({
      id: newId(),
      at,
      user_id: 'mette',
      team_id: 'odense-syd',
      action: 'read',
      entity: null,
      record_id: null,
      request_id: null,
      detail: null,
      citizen_id: null,
      device_id: 'laptop-mette',
    });
    const old = entry('2020-01-01T00:00:00.000Z');
    const fresh = entry(new Date().toISOString());
    await f.database.db.insertInto('audit_log').values([old, fresh]).execute();
    expect(await purgeOldAudit(f.database, 180)).toBeGreaterThanOrEqual(1);
    const left = await f.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('id', 'in', [old.id, fresh.id])
      .execute();
    expect(left.map((r) => r.id)).toEqual([fresh.id]);
  });

  it("lists the caseworkers of the user's teams and colleagues on the shared schedule, no one else", async () => {
    const token = await login(f.app, 'mette');
    const res = await f.app.inject({
      method: 'GET',
      url: '/api/team/members',
      headers: authHeaders(token),
    });
    expect(res.json()).toEqual({
      members: [
        { id: 'anders', username: 'anders', name: 'Anders Holm', role: 'caseworker' },
        { id: 'mette', username: 'mette', name: 'Mette Sørensen', role: 'lead' },
        // Team Nord, but on shift at a shared location: the schedule must show her name.
        { id: 'sara', username: 'sara', name: 'Sara Nielsen', role: 'caseworker' },
      ],
    });
  });
});
