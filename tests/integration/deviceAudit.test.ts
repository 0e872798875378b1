import { describe, expect, it, vi } from 'vitest';
import { getTeamMembers, recordAuditEvent } from '../../src/db';
import { sendAuditBeforeSignOut } from '../../src/sync/sendAuditBeforeSignOut';
import { startEngineOnClock } from './helpers/device';
import { serverWithDevices } from './helpers/serverWithDevices';
import { citizenFields } from './helpers/factories';
import { nextSettled } from './helpers/manualScheduler';
import { changesOf } from './helpers/serverLog';

const env = serverWithDevices();
const device = env.device;

/** The server's audit rows for these event ids, with the device-reported detail parsed. */
async function auditRows(ids: string[]) {
  const rows = await env.server.db.db
    .selectFrom('audit_log')
    .select(['id', 'action', 'user_id', 'team_id', 'entity', 'record_id', 'detail'])
    .where('id', 'in', ids)
    .orderBy('action')
    .execute();
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail ?? 'null') as unknown }));
}

describe('reads and searches done on a device', () => {
  it('reach the server audit log exactly once after the next sync, even when the first answer is lost', async () => {
    const mette = await device('mette');
    mette.net.offline = true;
    const citizen = await mette.repos.citizens.create(
      mette.ctx,
      citizenFields({ alias: 'Store-J' }),
    );
    const read = await recordAuditEvent(
      { action: 'read', entity: 'citizen', recordId: citizen.id },
      mette.db,
    );
    const search = await recordAuditEvent(
      { action: 'search', entity: 'citizen', term: 'Store-J' },
      mette.db,
    );
    const ids = [read.id, search.id];
    await expect(mette.sync()).rejects.toMatchObject({ code: 'network' });
    expect(await mette.db.auditEvents.count()).toBe(2);

    // Back online: the server stores the batch, but its answer never reaches the device.
    mette.net.offline = false;
    mette.net.failNext('/api/audit/events', { kind: 'drop-response' });
    await expect(mette.sync()).rejects.toMatchObject({ code: 'network' });
    // The case data went first and was not held back by the audit failure.
    expect(await changesOf(env.server, citizen.id)).toHaveLength(1);
    expect(await mette.outbox()).toHaveLength(0);
    expect(await auditRows(ids)).toHaveLength(2);
    expect(await mette.db.auditEvents.count()).toBe(2);

    const summary = await mette.sync();
    expect(summary.audit).toEqual({ sent: 2, stored: 0 });
    expect(await mette.db.auditEvents.count()).toBe(0);
    const rows = await auditRows(ids);
    expect(rows).toMatchObject([
      {
        id: read.id,
        action: 'read',
        user_id: 'mette',
        team_id: 'odense-syd',
        entity: 'citizen',
        record_id: citizen.id,
      },
      { id: search.id, action: 'search', user_id: 'mette', entity: 'citizen' },
    ]);
    expect(rows[1]!.detail).toMatchObject({ term: 'Store-J' });
    const searches = await env.server.db.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'search')
      .where('user_id', '=', 'mette')
      .execute();
    expect(searches.map((r) => r.id)).toEqual([search.id]);
  });

  it('are retried with backoff by the engine when the audit endpoint fails, then sent', async () => {
    const anders = await device('anders');
    const event = await recordAuditEvent(
      { action: 'read', entity: 'citizen', recordId: '0190f000-0000-7000-8000-000000000001' },
      anders.db,
    );
    anders.net.failNext('/api/audit/events', { kind: 'status', status: 500 });
    const { engine, clock } = startEngineOnClock(anders);
    try {
      let s = await nextSettled(anders.status);
      expect(s.lastError?.code).toBe('internal');
      expect(clock.pendingDelays()).toEqual([1_000]);
      expect(await anders.db.auditEvents.count()).toBe(1);

      const settled = nextSettled(anders.status);
      clock.fireNext();
      s = await settled;
      expect(s.lastError).toBeNull();
      expect(await anders.db.auditEvents.count()).toBe(0);
      expect(await auditRows([event.id])).toHaveLength(1);
    } finally {
      await engine.stop();
    }
  });
});

describe('signing out', () => {
  it('sends the queued reads first, and when offline logs their loss instead of hanging', async () => {
    const mette = await device('mette');
    const read = await recordAuditEvent(
      { action: 'read', entity: 'case', recordId: '0190f000-0000-7000-8000-000000000002' },
      mette.db,
    );
    await sendAuditBeforeSignOut(mette.db, mette.api);
    expect(await auditRows([read.id])).toHaveLength(1);
    expect(await mette.db.auditEvents.count()).toBe(0);

    await recordAuditEvent({ action: 'search', term: 'Karin' }, mette.db);
    mette.net.offline = true;
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await sendAuditBeforeSignOut(mette.db, mette.api);
      expect(logged).toHaveBeenCalledTimes(1);
      expect(logged.mock.calls[0]).toEqual([
        'Signing out: 1 audit events could not be sent and are lost',
        { failure: { code: 'network', message: expect.any(String) as unknown } },
      ]);
    } finally {
      logged.mockRestore();
    }
  });
});

describe('the team directory', () => {
  it('arrives with the first sync and is fetched again only after an hour', async () => {
    let now = new Date('2026-11-24T09:00:00.000Z');
    const sara = await device('sara', { now: () => now });
    const mette = await device('mette', { now: () => now });
    await mette.sync();
    const stored = await getTeamMembers(mette.db);
    // Mette's team, and Sara (team Nord) who is on the shared schedule.
    expect(stored?.members.map((m) => m.name)).toEqual([
      'Anders Holm',
      'Mette Sørensen',
      'Sara Nielsen',
    ]);

    await mette.sync();
    now = new Date('2026-11-24T10:00:01.000Z');
    await mette.sync();
    const fetches = mette.net.log.filter((r) => r.path === '/api/team/members');
    expect(fetches).toHaveLength(2);

    await sara.sync();
    // Alone in team Nord, but Anders and Mette have shifts on the shared schedule she sees.
    expect((await getTeamMembers(sara.db))?.members.map((m) => m.id)).toEqual([
      'anders',
      'mette',
      'sara',
    ]);
  });
});
