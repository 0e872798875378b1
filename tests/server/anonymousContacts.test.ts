import { describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import type { MutationResult } from '../../src/protocol';
import { reduceAnonymousContacts } from '../../src/server/retention/reduceAnonymousContacts';
import { useSeededApp } from './helpers/appFixture';
import { authHeaders, login, mutation, pullAllCursor, push } from './helpers/api';
import { DIALECTS } from './helpers/testDatabase';

const DAY = 86_400_000;
const CONFIG = { ANONYMOUS_CONTACT_DETAIL_DAYS: 730 };
const MARKER = 'BEMÆRKNING-7f3a';

describe.each(DIALECTS)('anonymous contacts past their detail period (%s)', (dialect) => {
  const f = useSeededApp(dialect);

  it('keeps only what the statistics count: the remark goes from the server, its history and devices, the report for the old period is unchanged', async () => {
    const anders = await login(f.app, 'anders');
    const mette = await login(f.app, 'mette');
    // A month 26 months back, its 15th at noon: well inside the month in any time zone.
    const old = new Date(Date.now() - 800 * DAY);
    const month = old.toISOString().slice(0, 7);
    const oldAt = `${month}-15T12:00:00.000Z`;
    const lastDay = new Date(Date.UTC(old.getUTCFullYear(), old.getUTCMonth() + 1, 0));
    const period = `from=${month}-01&to=${lastDay.toISOString().slice(0, 10)}`;
    // A device that synced before any of this: it must receive the reduced contacts.
    const before = await pullAllCursor(f.app, anders);

    const locationId = newId();
    const contact = (id: string, at: string, fields: Record<string, unknown>) =>
      mutation('contact', 'create', id, {
        visitId: newId(),
        locationId,
        at,
        kind: 'anonymous',
        ageGroup: '25-39',
        gender: 'kvinde',
        topics: ['bolig', 'misbrug'],
        ...fields,
      });
    const oldIds = Array.from({ length: 6 }, () => newId());
    const recentId = newId();
    const namedCitizen = newId();
    const namedId = newId();
    const created = await push(f.app, anders, [
      ...oldIds.map((id, i) =>
        contact(id, oldAt, {
          remark: `${MARKER} første ${i}`,
          ...(i % 2 ? { gender: 'mand', topics: ['sundhed'] } : {}),
        }),
      ),
      contact(recentId, new Date(Date.now() - 10 * DAY).toISOString(), { remark: 'nyere' }),
      mutation('citizen', 'create', namedCitizen, { firstName: 'Navngiven' }),
      contact(namedId, oldAt, {
        kind: 'named',
        citizenId: namedCitizen,
        remark: 'navngivet kontakt',
      }),
    ]);
    expect(created.map((r: MutationResult) => r.status)).toEqual(created.map(() => 'applied'));
    // A second version of one remark: the change log holds both.
    const edited = await push(f.app, anders, [
      mutation('contact', 'update', oldIds[0]!, { remark: `${MARKER} rettet` }, { baseVersion: 1 }),
    ]);
    expect(edited[0]).toMatchObject({ status: 'applied' });

    const report = async () => {
      const res = await f.app.inject({
        method: 'GET',
        url: `/api/statistics?${period}`,
        headers: authHeaders(mette),
      });
      expect(res.statusCode).toBe(200);
      const body = res.json<Record<string, unknown>>();
      delete body.computedAt;
      return body;
    };
    const reportBefore = await report();
    // The six anonymous contacts and the named one are counted, with their topics.
    expect(reportBefore).toMatchObject({
      contactsByLocation: { total: 7 },
      contactsByAgeGroup: { total: 7 },
      contactsByTopic: { total: 11 },
    });

    expect(await reduceAnonymousContacts(f.database, CONFIG, new Date())).toBe(6);

    const stored = async (id: string) => {
      const row = await f.database.db
        .selectFrom('records')
        .select('data')
        .where('entity', '=', 'contact')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return JSON.parse(row.data) as Record<string, unknown>;
    };
    expect(await stored(oldIds[1]!)).toMatchObject({
      remark: '',
      at: oldAt,
      locationId,
      kind: 'anonymous',
      ageGroup: '25-39',
      gender: 'mand',
      topics: ['sundhed'],
    });
    expect(await stored(recentId)).toMatchObject({ remark: 'nyere' });
    expect(await stored(namedId)).toMatchObject({ remark: 'navngivet kontakt' });
    // Nowhere in the server's records or change log, old versions included.
    for (const table of ['records', 'changes', 'applied_mutations'] as const) {
      const rows = await f.database.db.selectFrom(table).selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(MARKER);
    }
    // The statistics for the old period are exactly as before.
    expect(await report()).toEqual(reportBefore);

    // The device that synced before gets the reduced versions; a new device never sees a remark.
    const later = await pullAllCursor(f.app, anders, before.cursor);
    const pulled = later.changes.filter((c) => oldIds.includes(c.recordId));
    expect(new Set(pulled.map((c) => c.recordId))).toEqual(new Set(oldIds));
    for (const c of pulled) expect(c).toMatchObject({ op: 'upsert', record: { remark: '' } });
    expect(JSON.stringify((await pullAllCursor(f.app, anders)).changes)).not.toContain(MARKER);

    // Idempotent: nothing left to reduce.
    expect(await reduceAnonymousContacts(f.database, CONFIG, new Date())).toBe(0);
  });
});
