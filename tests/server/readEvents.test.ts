import { describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import type { AuditEvent, CitizenAccessResponse } from '../../src/protocol';
import { useSeededApp } from './helpers/appFixture';
import { authHeaders, login, newCitizen, push } from './helpers/api';
import { DIALECTS } from './helpers/testDatabase';

const DAY = 86_400_000;

describe.each(DIALECTS)('reads reported by devices (%s)', (dialect) => {
  const f = useSeededApp(dialect);

  const report = async (token: string, events: Omit<AuditEvent, 'id'>[]) => {
    const withIds = events.map((e) => ({ id: newId(), ...e }));
    const res = await f.app.inject({
      method: 'POST',
      url: '/api/audit/events',
      headers: authHeaders(token),
      payload: { deviceId: 'device-reads-1', events: withIds },
    });
    expect(res.statusCode).toBe(200);
    return { ids: withIds.map((e) => e.id), answer: res.json<Record<string, number>>() };
  };

  const accessLog = async (citizenId: string) => {
    const mette = await login(f.app, 'mette');
    const res = await f.app.inject({
      method: 'GET',
      url: `/api/audit/citizens/${citizenId}`,
      headers: authHeaders(mette),
    });
    return res.json<CitizenAccessResponse>().entries;
  };

  async function sydCitizen(): Promise<string> {
    const create = newCitizen({ alias: 'Syd' });
    await push(f.app, await login(f.app, 'mette'), [create]);
    return create.recordId;
  }

  it("refuses a read of another team's citizen: nothing in that citizen's log but a forbidden entry", async () => {
    const citizenId = await sydCitizen();
    const sara = await login(f.app, 'sara');
    const { ids, answer } = await report(sara, [
      { action: 'read', entity: 'citizen', recordId: citizenId, at: new Date().toISOString() },
    ]);
    expect(answer).toEqual({ stored: 0, refused: 1 });
    const stored = await f.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('id', 'in', ids)
      .execute();
    expect(stored).toEqual([]);
    const log = await accessLog(citizenId);
    expect(log.filter((e) => e.userId === 'sara').map((e) => e.action)).toEqual(['forbidden']);
  });

  it('stores a read of an own-team citizen at the time the device reports', async () => {
    const citizenId = await sydCitizen();
    const anders = await login(f.app, 'anders');
    const at = new Date(Date.now() - 3 * DAY).toISOString();
    const { answer } = await report(anders, [
      { action: 'read', entity: 'citizen', recordId: citizenId, at },
    ]);
    expect(answer).toEqual({ stored: 1 });
    const log = await accessLog(citizenId);
    expect(log.find((e) => e.userId === 'anders' && e.action === 'read')?.at).toBe(at);
  });

  it("bounds the event's time: a future one is stored at the server's time, one past the retention not at all", async () => {
    const citizenId = await sydCitizen();
    const anders = await login(f.app, 'anders');
    const before = Date.now();
    const retention = f.testDb.config.AUDIT_RETENTION_DAYS;
    const { ids, answer } = await report(anders, [
      { action: 'read', entity: 'citizen', recordId: citizenId, at: '2099-01-01T00:00:00.000Z' },
      {
        action: 'read',
        entity: 'citizen',
        recordId: citizenId,
        at: new Date(Date.now() - (retention + 1) * DAY).toISOString(),
      },
    ]);
    expect(answer).toEqual({ stored: 1, expired: 1 });
    const rows = await f.database.db
      .selectFrom('audit_log')
      .select(['id', 'at', 'detail'])
      .where('id', 'in', ids)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(ids[0]);
    expect(Date.parse(rows[0]!.at)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(rows[0]!.at)).toBeLessThanOrEqual(Date.now());
    expect(JSON.parse(rows[0]!.detail!)).toMatchObject({ claimedAt: '2099-01-01T00:00:00.000Z' });
  });
});
