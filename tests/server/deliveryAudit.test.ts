import { setTimeout as sleep } from 'node:timers/promises';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import type { CitizenAccessEntry, CitizenAccessResponse } from '../../src/protocol';
import { purgeOldAudit, writePullAudit } from '../../src/server/audit/audit';
import {
  FOLD_BACKLOG_PAGES,
  foldStagedDeliveries,
  installDeliveryIndexer,
} from '../../src/server/audit/deliveryIndex';
import { useSeededApp } from './helpers/appFixture';
import {
  authHeaders,
  login,
  loginOn,
  mutation,
  newCitizen,
  newNote,
  pullAllCursor,
  pullCursor,
  push,
} from './helpers/api';
import { DIALECTS } from './helpers/testDatabase';

/** An entry as the access view shows it, without its id and time (compared by order). */
const shown = (e: CitizenAccessEntry) =>
  [e.action, e.entity, e.recordId === null ? null : 'id', e.userName, e.deviceId].join(' | ');

describe.each(DIALECTS)('deliveries in the citizen access view (%s)', (dialect) => {
  const f = useSeededApp(dialect);

  const view = async (token: string, citizenId: string, query = '') => {
    const res = await f.app.inject({
      method: 'GET',
      url: `/api/audit/citizens/${citizenId}${query}`,
      headers: authHeaders(token),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<CitizenAccessResponse>();
  };

  /** Pulls page by page (`limit` changes each) until done; returns how many pages. */
  async function pullPages(token: string, limit: number, from?: string) {
    let cursor = from;
    let pages = 0;
    for (;;) {
      const page = await pullCursor(f.app, token, cursor, limit);
      expect(page.statusCode).toBe(200);
      pages++;
      cursor = page.nextCursor;
      if (!page.hasMore) return { cursor, pages };
    }
  }

  const count = async (table: 'audit_deliveries' | 'audit_deliveries_staged') =>
    Number(
      (
        await f.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('lists every delivery of the citizen’s data — who, which device, when — newest first, on one page or many', async () => {
    const mette = await loginOn(f.app, 'mette', 'laptop-mette-1');
    const anders = await loginOn(f.app, 'anders', 'tablet-anders-7');
    // Two devices' starting points: everything already in the team before this test.
    const andersStart = (await pullAllCursor(f.app, anders.token)).cursor;
    const metteStart = (await pullAllCursor(f.app, mette.token)).cursor;

    const citizen = newCitizen({ firstName: 'Leveret' }, 'laptop-mette-1');
    const other = newCitizen({ firstName: 'Anden' }, 'laptop-mette-1');
    await push(f.app, mette.token, [
      citizen,
      other,
      newNote(citizen.recordId, {}, 'laptop-mette-1'),
    ]);
    // Anders's tablet gets them one change per page (three pages, two of them about the citizen),
    // Mette's laptop in one page.
    const andersFirst = await pullPages(anders.token, 1, andersStart);
    expect(andersFirst.pages).toBeGreaterThanOrEqual(3);
    await pullPages(mette.token, 100, metteStart);
    // A later change to the citizen reaches Anders's tablet once more.
    await push(f.app, mette.token, [
      mutation('citizen', 'update', citizen.recordId, { lastName: 'Ny' }, { baseVersion: 1 }),
    ]);
    await pullPages(anders.token, 100, andersFirst.cursor);

    const lone = await login(f.app, 'lone');
    const all = await view(lone, citizen.recordId);
    expect(all.entries.map(shown)).toEqual([
      'deliver |  |  | Anders Holm | tablet-anders-7',
      'update | citizen | id | Mette Sørensen | laptop-mette-1',
      'deliver |  |  | Mette Sørensen | laptop-mette-1',
      'deliver |  |  | Anders Holm | tablet-anders-7',
      'deliver |  |  | Anders Holm | tablet-anders-7',
      'create | note | id | Mette Sørensen | laptop-mette-1',
      'create | citizen | id | Mette Sørensen | laptop-mette-1',
    ]);
    const times = all.entries.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(new Set(all.entries.map((e) => e.id)).size).toBe(all.entries.length);
    expect(all.nextBefore).toBeUndefined();

    // The same entries page by page (the views themselves are newer and come first).
    const paged: CitizenAccessEntry[] = [];
    let before: string | undefined;
    do {
      const page = await view(
        lone,
        citizen.recordId,
        `?limit=2${before ? `&before=${encodeURIComponent(before)}` : ''}`,
      );
      paged.push(...page.entries);
      before = page.nextBefore;
    } while (before);
    expect(paged.filter((e) => e.action !== 'audit-view')).toEqual(all.entries);

    // Folded into the citizen index, part of them and then all, the view shows the same entries
    // (the views since are newer and come first).
    const staged = await count('audit_deliveries_staged');
    expect(staged).toBeGreaterThanOrEqual(5);
    const deliveriesShown = async () =>
      (await view(lone, citizen.recordId)).entries.filter((e) => e.action !== 'audit-view');
    expect(await foldStagedDeliveries(f.database, 2)).toBe(2);
    expect(await deliveriesShown()).toEqual(all.entries);
    while ((await foldStagedDeliveries(f.database)) > 0);
    expect(await count('audit_deliveries_staged')).toBe(0);
    expect(await deliveriesShown()).toEqual(all.entries);

    // The other citizen's view has its own deliveries only.
    const others = await view(lone, other.recordId);
    expect(others.entries.map(shown)).toEqual([
      'deliver |  |  | Mette Sørensen | laptop-mette-1',
      'deliver |  |  | Anders Holm | tablet-anders-7',
      'create | citizen | id | Mette Sørensen | laptop-mette-1',
    ]);

    // The CSV export lists the deliveries too.
    const csv = await f.app.inject({
      method: 'GET',
      url: `/api/audit/citizens/${citizen.recordId}/export`,
      headers: authHeaders(lone),
    });
    const deliveries = csv.body.split('\r\n').filter((l) => l.includes('"deliver"'));
    expect(deliveries).toHaveLength(4);
    expect(deliveries.filter((l) => l.includes('"tablet-anders-7"'))).toHaveLength(3);
  });

  it('are purged with the rest of the audit log after the retention period, folded or staged', async () => {
    const mette = await loginOn(f.app, 'mette', 'laptop-mette-2');
    const citizen = newCitizen({ firstName: 'Gammel' }, 'laptop-mette-2');
    await push(f.app, mette.token, [citizen]);
    await pullAllCursor(f.app, mette.token);
    while ((await foldStagedDeliveries(f.database)) > 0);
    await push(f.app, mette.token, [
      mutation('citizen', 'update', citizen.recordId, { lastName: 'Ældre' }, { baseVersion: 1 }),
    ]);
    await pullAllCursor(f.app, mette.token);
    expect(await count('audit_deliveries')).toBeGreaterThan(0);
    expect(await count('audit_deliveries_staged')).toBeGreaterThan(0);
    const lone = await login(f.app, 'lone');
    expect((await view(lone, citizen.recordId)).entries.map((e) => e.action)).toContain('deliver');

    // A retention of 30 days, seen from 31 days ahead: everything so far is past it.
    const purged = await purgeOldAudit(f.database, 30, new Date(Date.now() + 31 * 86_400_000));
    expect(purged).toBeGreaterThan(0);
    expect((await view(lone, citizen.recordId)).entries).toEqual([]);
    const left = await f.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', 'in', ['deliver', 'pull'])
      .executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(0);
    expect(await count('audit_deliveries')).toBe(0);
    expect(await count('audit_deliveries_staged')).toBe(0);
  });

  it('writes one audit row per delivered page, with the citizens it carried in the narrow index', async () => {
    const mette = await loginOn(f.app, 'mette', 'laptop-mette-3');
    const start = (await pullAllCursor(f.app, mette.token)).cursor;
    const citizens = [1, 2, 3].map((i) => newCitizen({ firstName: `Side${i}` }, 'laptop-mette-3'));
    await push(f.app, mette.token, citizens);
    const page = await pullCursor(f.app, mette.token, start, 100);
    expect(page.changes).toHaveLength(3);
    const rows = await f.database.db
      .selectFrom('audit_log')
      .select(['id', 'action'])
      .where('request_id', 'in', (eb) =>
        eb
          .selectFrom('audit_log')
          .select('request_id')
          .where('action', '=', 'pull')
          .where('device_id', '=', 'laptop-mette-3')
          .orderBy('at', 'desc')
          .limit(1),
      )
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['pull']);
    while ((await foldStagedDeliveries(f.database)) > 0);
    const indexed = await f.database.db
      .selectFrom('audit_deliveries')
      .select('citizen_id')
      .where('audit_id', '=', rows[0]!.id)
      .execute();
    expect(indexed.map((r) => r.citizen_id).sort()).toEqual(citizens.map((c) => c.recordId).sort());
  });

  it('still shows deliveries recorded one row per citizen before the index existed', async () => {
    const mette = await loginOn(f.app, 'mette', 'laptop-mette-4');
    const citizen = newCitizen({ firstName: 'Tidligere' }, 'laptop-mette-4');
    await push(f.app, mette.token, [citizen]);
    await f.database.db
      .insertInto('audit_log')
      .values({
        id: newId(),
        at: new Date().toISOString(),
        user_id: 'anders',
        team_id: null,
        action: 'deliver',
        entity: null,
        record_id: null,
        request_id: 'req-before',
        detail: null,
        citizen_id: citizen.recordId,
        device_id: 'tablet-anders-old',
      })
      .execute();
    const lone = await login(f.app, 'lone');
    expect((await view(lone, citizen.recordId)).entries.map(shown)).toEqual([
      'deliver |  |  | Anders Holm | tablet-anders-old',
      'create | citizen | id | Mette Sørensen | laptop-mette-4',
    ]);
  });

  /** Stages a pulled page's audit as the pull route does, for `citizens`. */
  const stagePage = (citizens: string[], deviceId = 'fold-test') =>
    writePullAudit(f.database, { action: 'pull', userId: 'mette', deviceId }, citizens);
  const foldAll = async () => {
    let folded = 0;
    for (let n = -1; n !== 0; folded += n) n = await foldStagedDeliveries(f.database);
    return folded;
  };
  const indexedFor = async (citizens: string[]) =>
    f.database.db
      .selectFrom('audit_deliveries')
      .select(['citizen_id', 'audit_id'])
      .where('citizen_id', 'in', citizens)
      .execute();

  it('folds every staged page into the index exactly once, also when folds run at once', async () => {
    await foldAll();
    const citizens = Array.from({ length: 240 }, () => newId());
    for (let i = 0; i < 120; i++) await stagePage(citizens.slice(2 * i, 2 * i + 2));
    // Four folds side by side, each until nothing is left (the app's own indexer may join in).
    await Promise.all([foldAll(), foldAll(), foldAll(), foldAll()]);
    expect(await count('audit_deliveries_staged')).toBe(0);
    const rows = await indexedFor(citizens);
    expect(rows).toHaveLength(240);
    expect(new Set(rows.map((r) => r.citizen_id)).size).toBe(240);
    expect(new Set(rows.map((r) => r.audit_id)).size).toBe(120);
  });

  it('keeps a staged page whose fold failed, and shows it meanwhile', async () => {
    await foldAll();
    const citizen = newId();
    await stagePage([citizen], 'tablet-fold-fails');
    // A row the fold cannot read, staged beside it: the fold's transaction fails as a whole.
    await f.database.db
      .insertInto('audit_deliveries_staged')
      .values({ audit_id: newId(), at: new Date().toISOString(), citizens: '[not json' })
      .execute();
    await expect(foldStagedDeliveries(f.database)).rejects.toThrow();
    expect(await count('audit_deliveries_staged')).toBe(2);
    const lone = await login(f.app, 'lone');
    expect((await view(lone, citizen)).entries.map(shown)).toEqual([
      'deliver |  |  | Mette Sørensen | tablet-fold-fails',
    ]);
    await f.database.db
      .deleteFrom('audit_deliveries_staged')
      .where('citizens', '=', '[not json')
      .execute();
    expect(await foldAll()).toBe(1);
    expect(await indexedFor([citizen])).toHaveLength(1);
  });

  it('folds a full batch once deliveries pause, a smaller one once it is old enough, the rest at close', async () => {
    await foldAll();
    const app = Fastify();
    installDeliveryIndexer(app, f.database, { checkMs: 20, maxAgeMs: 1_500, quietMs: 200 });
    await app.ready();
    try {
      const full = Array.from({ length: 50 }, () => newId());
      for (const citizen of full) await stagePage([citizen]);
      const paused = Date.now();
      await expect.poll(() => count('audit_deliveries_staged'), { timeout: 1_000 }).toBe(0);
      expect(Date.now() - paused).toBeGreaterThanOrEqual(150);
      expect(await indexedFor(full)).toHaveLength(50);

      const few = [newId(), newId()];
      for (const citizen of few) await stagePage([citizen]);
      const staged = Date.now();
      await expect.poll(() => count('audit_deliveries_staged'), { timeout: 5_000 }).toBe(0);
      expect(Date.now() - staged).toBeGreaterThanOrEqual(1_000);
      expect(await indexedFor(few)).toHaveLength(2);

      await stagePage([newId()]);
    } finally {
      await app.close();
    }
    expect(await count('audit_deliveries_staged')).toBe(0);
  });

  it('leaves full batches staged while pages keep being delivered, until the oldest has waited long enough', async () => {
    await foldAll();
    const app = Fastify();
    installDeliveryIndexer(app, f.database, { checkMs: 20, maxAgeMs: 2_000, quietMs: 400 });
    await app.ready();
    let delivering = true;
    try {
      // A first sync: more than a full batch of pages at once, then a page every 50 ms.
      const first = Array.from({ length: 60 }, () => newId());
      for (const citizen of first) await stagePage([citizen]);
      const more = (async () => {
        while (delivering) {
          await stagePage([newId()]);
          await sleep(50);
        }
      })();
      await sleep(700);
      // No fold while the deliveries go on, and the access view shows the staged pages.
      expect(await indexedFor(first)).toHaveLength(0);
      expect(await count('audit_deliveries_staged')).toBeGreaterThan(60);
      const lone = await login(f.app, 'lone');
      expect((await view(lone, first[0]!)).entries.map(shown)).toEqual([
        'deliver |  |  | Mette Sørensen | fold-test',
      ]);
      // Once they have waited maxAgeMs the oldest pages are folded, although pages still arrive.
      await expect.poll(() => indexedFor(first), { timeout: 4_000 }).toHaveLength(60);
      delivering = false;
      await more;
    } finally {
      delivering = false;
      await app.close();
    }
    expect(await count('audit_deliveries_staged')).toBe(0);
  });

  it(`folds once ${FOLD_BACKLOG_PAGES} pages are staged, without waiting for deliveries to pause`, async () => {
    await foldAll();
    for (let i = 0; i < FOLD_BACKLOG_PAGES; i++) await stagePage([newId()]);
    const app = Fastify();
    installDeliveryIndexer(app, f.database, { checkMs: 20, maxAgeMs: 60_000, quietMs: 60_000 });
    await app.ready();
    try {
      // Within a second: sooner than the app's own indexer (checks every 2 s, quiet 2 s) could.
      await expect
        .poll(() => count('audit_deliveries_staged'), { timeout: 1_000 })
        .toBeLessThan(FOLD_BACKLOG_PAGES);
    } finally {
      await app.close();
    }
  });

  it('counts a delivery for the citizen a record names, never for one its text mentions', async () => {
    const mette = await loginOn(f.app, 'mette', 'laptop-mette-5');
    const start = (await pullAllCursor(f.app, mette.token)).cursor;
    const named = newCitizen({ firstName: 'Nævnt' }, 'laptop-mette-5');
    const mentioned = newCitizen({ firstName: 'Omtalt' }, 'laptop-mette-5');
    await push(f.app, mette.token, [named, mentioned]);
    const afterCitizens = (await pullAllCursor(f.app, mette.token, start)).cursor;
    await push(f.app, mette.token, [
      // The stored JSON of this note holds the other citizen's id after "citizenId":, escaped.
      newNote(named.recordId, { body: `{"citizenId":"${mentioned.recordId}"}` }, 'laptop-mette-5'),
    ]);
    const page = await pullCursor(f.app, mette.token, afterCitizens, 100);
    expect(page.changes.map((c) => c.entity)).toEqual(['note']);
    expect(page.changes[0]!.record).toMatchObject({ citizenId: named.recordId });
    await foldAll();
    const pull = await f.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'pull')
      .where('device_id', '=', 'laptop-mette-5')
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const indexed = await f.database.db
      .selectFrom('audit_deliveries')
      .select('citizen_id')
      .where('audit_id', '=', pull.id)
      .execute();
    expect(indexed.map((r) => r.citizen_id)).toEqual([named.recordId]);
  });
});
