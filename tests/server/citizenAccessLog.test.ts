import { describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import type { CitizenAccessResponse } from '../../src/protocol';
import { useSeededApp } from './helpers/appFixture';
import {
  authHeaders,
  login,
  loginOn,
  mutation,
  newCitizen,
  pullAllCursor,
  push,
} from './helpers/api';
import { DIALECTS } from './helpers/testDatabase';

describe.each(DIALECTS)('the per-citizen access log (%s)', (dialect) => {
  const f = useSeededApp(dialect);

  async function citizenWithNote() {
    const mette = await login(f.app, 'mette');
    const citizen = newCitizen({ firstName: 'Adgang' });
    const noteId = newId();
    await push(f.app, mette, [
      citizen,
      mutation('note', 'create', noteId, {
        citizenId: citizen.recordId,
        occurredAt: new Date().toISOString(),
        category: 'samtale',
        body: 'Samtale',
        status: 'draft',
        authorId: 'mette',
      }),
    ]);
    return { mette, citizenId: citizen.recordId, noteId };
  }

  const view = (token: string, citizenId: string, query = '') =>
    f.app.inject({
      method: 'GET',
      url: `/api/audit/citizens/${citizenId}${query}`,
      headers: authHeaders(token),
    });

  it('shows a lead who read the file on which device: device-reported reads, deliveries and writes, newest first', async () => {
    const { mette, citizenId, noteId } = await citizenWithNote();
    const anders = await loginOn(f.app, 'anders', 'tablet-anders-7');
    await pullAllCursor(f.app, anders.token);
    const reported = await f.app.inject({
      method: 'POST',
      url: '/api/audit/events',
      headers: authHeaders(anders.token),
      payload: {
        deviceId: 'tablet-anders-7',
        events: [
          {
            id: newId(),
            action: 'read',
            entity: 'note',
            recordId: noteId,
            at: new Date().toISOString(),
          },
        ],
      },
    });
    expect(reported.json()).toEqual({ stored: 1 });

    const res = await view(mette, citizenId);
    expect(res.statusCode).toBe(200);
    const { entries } = res.json<CitizenAccessResponse>();
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'read',
          entity: 'note',
          recordId: noteId,
          userName: 'Anders Holm',
          deviceId: 'tablet-anders-7',
        }),
        expect.objectContaining({
          action: 'deliver',
          userId: 'anders',
          deviceId: 'tablet-anders-7',
        }),
        expect.objectContaining({ action: 'create', entity: 'citizen', userId: 'mette' }),
      ]),
    );
    const times = entries.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);

    const firstPage = (await view(mette, citizenId, '?limit=1')).json<CitizenAccessResponse>();
    expect(firstPage.entries).toHaveLength(1);
    const second = (
      await view(mette, citizenId, `?limit=1&before=${encodeURIComponent(firstPage.nextBefore!)}`)
    ).json<CitizenAccessResponse>();
    expect(second.entries[0]?.id).not.toBe(firstPage.entries[0]?.id);

    const viewed = await f.database.db
      .selectFrom('audit_log')
      .select('user_id')
      .where('action', '=', 'audit-view')
      .where('citizen_id', '=', citizenId)
      .execute();
    expect(viewed.length).toBeGreaterThanOrEqual(3);
  });

  it('exports the log as a CSV attachment and audits the export', async () => {
    const { citizenId } = await citizenWithNote();
    const lone = await login(f.app, 'lone');
    const res = await f.app.inject({
      method: 'GET',
      url: `/api/audit/citizens/${citizenId}/export`,
      headers: authHeaders(lone),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="adgangslog-/);
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe('"tid","medarbejder","bruger-id","enhed","handling","type","post"');
    expect(lines.some((l) => l.includes('"Mette Sørensen"') && l.includes('"create"'))).toBe(true);
    const exported = await f.database.db
      .selectFrom('audit_log')
      .select(['user_id'])
      .where('action', '=', 'audit-export')
      .where('citizen_id', '=', citizenId)
      .execute();
    expect(exported).toEqual([{ user_id: 'lone' }]);
  });

  it('answers a lead of another team the same 403 for a real and an unknown citizen, without leaking anything', async () => {
    const { citizenId } = await citizenWithNote();
    const sara = await login(f.app, 'sara');
    await f.database.db
      .updateTable('users')
      .set({ role: 'lead' })
      .where('id', '=', 'sara')
      .execute();
    try {
      const real = await view(sara, citizenId);
      const unknown = await view(sara, newId());
      expect(real.statusCode).toBe(403);
      expect(real.body).toBe(unknown.body);
      expect(real.body).not.toMatch(/stack|at .*\.ts|odense-syd/);
    } finally {
      await f.database.db
        .updateTable('users')
        .set({ role: 'caseworker' })
        .where('id', '=', 'sara')
        .execute();
    }
  });

  it('cannot change or delete audit entries through the API', async () => {
    const { citizenId } = await citizenWithNote();
    const lone = await login(f.app, 'lone');
    const event = { id: newId(), action: 'search', term: 'første', at: new Date().toISOString() };
    const send = (term: string) =>
      f.app.inject({
        method: 'POST',
        url: '/api/audit/events',
        headers: authHeaders(lone),
        payload: { deviceId: 'pc-lone-01', events: [{ ...event, term }] },
      });
    expect((await send('første')).json()).toEqual({ stored: 1 });
    expect((await send('ændret')).json()).toEqual({ stored: 0 });
    const row = await f.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('id', '=', event.id)
      .executeTakeFirstOrThrow();
    expect(row.detail).toContain('første');

    const before = await f.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of [
        `/api/audit/events/${event.id}`,
        '/api/audit/events',
        `/api/audit/citizens/${citizenId}`,
      ]) {
        const res = await f.app.inject({ method, url, headers: authHeaders(lone), payload: {} });
        expect([404, 405], `${method} ${url}`).toContain(res.statusCode);
      }
    }
    const after = await f.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(
      (
        await f.database.db
          .selectFrom('audit_log')
          .select('id')
          .where('id', '=', event.id)
          .execute()
      ).length,
    ).toBe(1);
  });

  it('answers a malformed request without a stack trace or internals', async () => {
    const mette = await login(f.app, 'mette');
    const res = await f.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { ...authHeaders(mette), 'content-type': 'application/json' },
      payload: '{"deviceId": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/stack|node_modules|\.ts:\d+/);
    const bad = await f.app.inject({
      method: 'GET',
      url: '/api/audit/citizens/not-a-uuid',
      headers: authHeaders(mette),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toMatch(/stack|node_modules|\.ts:\d+/);
  });
});
