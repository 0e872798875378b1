import { describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { INITIAL_PULL_CURSOR } from '../../src/protocol';
import { compactChangeLog } from '../../src/server/retention/compactChangeLog';
import { releaseLease, takeLease } from '../../src/server/retention/jobLease';
import { RETENTION_JOB, runRetention } from '../../src/server/retention/retentionJob';
import { useSeededApp } from './helpers/appFixture';
import {
  authHeaders,
  login,
  loginOn,
  mutation,
  newCitizen,
  pullAllCursor,
  pullCursor,
  push,
} from './helpers/api';
import { DIALECTS } from './helpers/testDatabase';

const DAY = 86_400_000;
const POLICY = {
  AUDIT_RETENTION_DAYS: 180,
  REJECTED_RETENTION_DAYS: 90,
  DEVICE_RETENTION_DAYS: 180,
  CHANGE_LOG_HORIZON_DAYS: 90,
  ERASURE_PROPOSAL_INACTIVE_DAYS: 730,
  ERASURE_PROPOSAL_DISMISS_DAYS: 180,
  ANONYMOUS_CONTACT_DETAIL_DAYS: 730,
};

describe.each(DIALECTS)('retention rules and change-log compaction (%s)', (dialect) => {
  const f = useSeededApp(dialect);

  it('removes refused changes, devices and their sessions past their time, keeps the recent ones, reports counts, and removes nothing on a second run', async () => {
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
    const rejected = (id: string, at: string) => ({
      mutation_id: id,
      device_id: 'd',
      user_id: 'anders',
      team_id: 'odense-syd',
      entity: 'note',
      record_id: newId(),
      op: 'update',
      mutation: '{}',
      code: 'invalid-fields',
      message: 'x',
      issues: null,
      rejected_at: at,
    });
    const [oldRejected, newRejected] = [newId(), newId()];
    await f.database.db
      .insertInto('rejected_mutations')
      .values([rejected(oldRejected, ago(91)), rejected(newRejected, ago(10))])
      .execute();
    const device = (id: string, seen: string) => ({
      id,
      user_id: 'sara',
      secret: 's',
      label: null,
      created_at: ago(400),
      last_seen_at: seen,
      revoked_at: null,
      revoked_by: null,
    });
    await f.database.db
      .insertInto('devices')
      .values([device('old-device-1', ago(181)), device('new-device-1', ago(3))])
      .execute();
    const session = (token: string, deviceId: string) => ({
      token_hash: token,
      user_id: 'sara',
      created_at: ago(5),
      expires_at: new Date(now.getTime() + 20 * DAY).toISOString(),
      device_id: deviceId,
      revoked_at: null,
    });
    await f.database.db
      .insertInto('sessions')
      .values([session('old-session', 'old-device-1'), session('new-session', 'new-device-1')])
      .execute();

    const first = await runRetention(f.database, POLICY, now);
    expect(first.ran).toBe(true);
    if (!first.ran) return;
    expect(first.removed).toMatchObject({ rejectedChanges: 1, devices: 1, sessions: 1 });
    const left = async () => ({
      rejected: (
        await f.database.db.selectFrom('rejected_mutations').select('mutation_id').execute()
      ).map((r) => r.mutation_id),
      devices: (await f.database.db.selectFrom('devices').select('id').execute()).map((r) => r.id),
      sessions: (await f.database.db.selectFrom('sessions').select('token_hash').execute()).map(
        (r) => r.token_hash,
      ),
    });
    const after = await left();
    expect(after.rejected).toContain(newRejected);
    expect(after.rejected).not.toContain(oldRejected);
    expect(after.devices).toContain('new-device-1');
    expect(after.devices).not.toContain('old-device-1');
    expect(after.sessions).toContain('new-session');
    expect(after.sessions).not.toContain('old-session');

    const second = await runRetention(f.database, POLICY, now);
    expect(second).toEqual({
      ran: true,
      removed: {
        auditEntries: 0,
        rejectedChanges: 0,
        devices: 0,
        sessions: 0,
        supersededVersions: 0,
        tombstones: 0,
        anonymousContactsReduced: 0,
        erasureProposals: 0,
        erasureProposalsWithdrawn: 0,
      },
    });
  });

  it('shows administrators and leads the rules in force, with the configured periods, and no one else', async () => {
    const get = async (username: string) =>
      f.app.inject({
        method: 'GET',
        url: '/api/retention/policies',
        headers: authHeaders(await login(f.app, username)),
      });
    const res = await get('lone');
    expect(res.statusCode).toBe(200);
    expect(res.json<{ policies: unknown[] }>().policies).toEqual(
      expect.arrayContaining([
        { kind: 'audit-log', days: f.testDb.config.AUDIT_RETENTION_DAYS },
        { kind: 'refused-changes', days: f.testDb.config.REJECTED_RETENTION_DAYS },
        { kind: 'devices', days: f.testDb.config.DEVICE_RETENTION_DAYS },
        { kind: 'change-log-tombstones', days: f.testDb.config.CHANGE_LOG_HORIZON_DAYS },
      ]),
    );
    expect((await get('mette')).statusCode).toBe(200);
    expect((await get('anders')).statusCode).toBe(403);
  });

  it('runs in one process only while another holds the lease, and of two taking it at once exactly one gets it', async () => {
    const now = new Date();
    expect(await takeLease(f.database, RETENTION_JOB, 'other-process', now, 60_000)).toBe(true);
    expect(await runRetention(f.database, POLICY, now)).toEqual({ ran: false });
    await releaseLease(f.database, RETENTION_JOB, 'other-process');
    const second = await f.testDb.open();
    try {
      const taken = await Promise.all([
        takeLease(f.database, 'race', 'a', now, 60_000),
        takeLease(second, 'race', 'b', now, 60_000),
      ]);
      expect(taken.filter(Boolean)).toHaveLength(1);
      // An expired lease is taken over.
      expect(await takeLease(second, 'race', 'c', new Date(now.getTime() + 61_000), 60_000)).toBe(
        true,
      );
    } finally {
      await second.close();
    }
  });

  it('compacts old versions and tombstones; a device inside the horizon pulls on, one behind it is told to resync, and a fresh pull gets the current state', async () => {
    const anders = await loginOn(f.app, 'anders', `device-compact-${dialect}`);
    const kept = newCitizen({ firstName: 'Version 1' });
    const gone = newCitizen({ firstName: 'Slettes' });
    await push(f.app, anders.token, [kept, gone]);
    await push(f.app, anders.token, [
      mutation('citizen', 'update', kept.recordId, { firstName: 'Version 2' }, { baseVersion: 1 }),
    ]);
    // Device "behind" last pulled here, before the delete.
    const behind = await pullAllCursor(f.app, anders.token);
    await push(f.app, anders.token, [
      mutation('citizen', 'delete', gone.recordId, {}, { baseVersion: 1 }),
    ]);
    const current = await pullAllCursor(f.app, anders.token);

    const result = await compactChangeLog(f.database, new Date(Date.now() + DAY));
    expect(result.superseded).toBeGreaterThan(0);
    expect(result.tombstones).toBeGreaterThan(0);
    const left = await f.database.db
      .selectFrom('changes')
      .select(['record_id', 'op', 'version'])
      .where('record_id', 'in', [kept.recordId, gone.recordId])
      .execute();
    expect(left).toEqual([{ record_id: kept.recordId, op: 'upsert', version: 2 }]);

    expect((await pullCursor(f.app, anders.token, current.cursor)).statusCode).toBe(200);
    const refused = await pullCursor(f.app, anders.token, behind.cursor);
    expect(refused.statusCode).toBe(410);
    expect((refused as unknown as { error: { code: string } }).error.code).toBe('resync-required');
    const fresh = await pullAllCursor(f.app, anders.token, INITIAL_PULL_CURSOR);
    const mine = fresh.changes.filter((c) => [kept.recordId, gone.recordId].includes(c.recordId));
    expect(mine.map((c) => [c.recordId, c.op, c.record?.firstName])).toEqual([
      [kept.recordId, 'upsert', 'Version 2'],
    ]);
    // Idempotent.
    expect(await compactChangeLog(f.database, new Date(Date.now() + DAY))).toEqual({
      superseded: 0,
      tombstones: 0,
    });
  });
});
