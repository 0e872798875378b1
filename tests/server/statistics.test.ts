import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import type { ProtectedTable, PublishedCount } from '../../src/domain/smallNumbers';
import type { Mutation } from '../../src/protocol';
import { StatisticsReportSchema, type StatisticsReport } from '../../src/protocol/statistics';
import { localDateOf } from '../../src/domain/statisticsPeriod';
import { buildApp } from '../../src/server/app';
import { createUser, upsertTeam } from '../../src/server/auth/users';
import type { Database } from '../../src/server/data/schema';
import { pushMutations } from '../../src/server/syncApi/pushMutations';
import { useSeededApp } from './helpers/appFixture';
import { authHeaders, login } from './helpers/api';
import { createTestDatabase, DIALECTS, type TestDatabase } from './helpers/testDatabase';

const USERS = [
  { id: 'leder', username: 'leder', name: 'Leder Syd', teamId: 'syd', role: 'lead' },
  { id: 'medarb', username: 'medarb', name: 'Medarbejder', teamId: 'syd', role: 'caseworker' },
  { id: 'nordleder', username: 'nordleder', name: 'Leder Nord', teamId: 'nord', role: 'lead' },
  { id: 'admin', username: 'admin', name: 'Admin', teamId: 'vest', role: 'admin' },
] as const;

const alfa = newId();
const beta = newId();
const citizenA = newId();
const citizenB = newId();

/**
 * A known data set for the third quarter of 2026 (July–September), written through the push
 * service as devices would, with the server's clock set per write so createdAt falls where wanted.
 */
async function seedKnown(database: Database): Promise<void> {
  for (const [id, name] of [
    ['syd', 'Team Syd'],
    ['nord', 'Team Nord'],
    ['vest', 'Team Vest'],
  ] as const)
    await upsertTeam(database, id, name);
  for (const user of USERS) await createUser(database, { ...user, password: 'hemmelig-kode' });
  const profile = (teamId: string) => ({
    id: teamId === 'syd' ? 'leder' : 'nordleder',
    teamId,
    teams: [{ id: teamId, name: teamId }],
  });
  const write = async (
    teamId: string,
    entity: Mutation['entity'],
    fields: Record<string, unknown>,
    at = '2026-08-15T10:00:00.000Z',
    op: Mutation['op'] = 'create',
    recordId = newId(),
    baseVersion = 0,
  ) => {
    const [result] = await pushMutations(
      database,
      [
        {
          mutationId: newId(),
          deviceId: 'seed',
          entity,
          recordId,
          op,
          fields,
          baseVersion,
          clientTime: at,
        },
      ],
      { user: profile(teamId), now: () => new Date(at) },
    );
    expect(result?.status).toBe('applied');
    return recordId;
  };
  await write(
    'syd',
    'location',
    { name: 'Alfa værested', kind: 'vaerested' },
    undefined,
    'create',
    alfa,
  );
  await write(
    'syd',
    'location',
    { name: 'Beta herberg', kind: 'herberg' },
    undefined,
    'create',
    beta,
  );
  await write('syd', 'citizen', { firstName: 'A' }, undefined, 'create', citizenA);
  await write('syd', 'citizen', { firstName: 'B' }, undefined, 'create', citizenB);
  const visitId = newId();
  const contact = (teamId: string, locationId: string, at: string, more: Record<string, unknown>) =>
    write(teamId, 'contact', { visitId, locationId, at, ...more }, at);
  const times = <T>(n: number, f: (i: number) => Promise<T>) =>
    Promise.all(Array.from({ length: n }, (_, i) => f(i)));
  const anon = { kind: 'anonymous' };
  await times(10, () =>
    contact('syd', alfa, '2026-07-10T10:00:00.000Z', {
      ...anon,
      ageGroup: '25-39',
      gender: 'mand',
      topics: ['bolig'],
    }),
  );
  // 00:30 on 1 August in Copenhagen, still July in UTC: an August contact.
  for (let i = 0; i < 8; i++)
    await contact('syd', alfa, i === 0 ? '2026-07-31T22:30:00.000Z' : '2026-08-12T09:00:00.000Z', {
      kind: 'named',
      citizenId: i % 2 === 0 ? citizenA : citizenB,
      ageGroup: '40-59',
      gender: 'kvinde',
      topics: ['misbrug', 'bolig'],
    });
  await times(2, () =>
    contact('syd', beta, '2026-07-03T12:00:00.000Z', {
      ...anon,
      ageGroup: 'under-18',
      gender: 'andet',
    }),
  );
  await times(7, () =>
    contact('syd', beta, '2026-09-20T12:00:00.000Z', {
      ...anon,
      ageGroup: '25-39',
      gender: 'mand',
      topics: ['sundhed'],
    }),
  );
  // 23:59 on 30 June in Copenhagen: before the quarter.
  await times(2, () => contact('syd', alfa, '2026-06-30T21:59:00.000Z', anon));
  // Deleted contacts are not counted.
  const deleted = await times(2, () => contact('syd', alfa, '2026-07-10T10:00:00.000Z', anon));
  for (const id of deleted) await write('syd', 'contact', {}, undefined, 'delete', id, 1);
  await times(6, () =>
    contact('nord', alfa, '2026-07-15T10:00:00.000Z', {
      ...anon,
      ageGroup: '60-plus',
      topics: ['andet'],
    }),
  );
  const visit = (startedAt: string, endedAt: string) =>
    write('syd', 'visit', { locationId: alfa, userId: 'leder', startedAt, endedAt }, startedAt);
  await visit('2026-07-10T08:00:00.000Z', '2026-07-10T10:00:00.000Z');
  await visit('2026-07-17T08:00:00.000Z', '2026-07-17T09:30:00.000Z');
  const followUp = (dueOn: string, doneAt?: string) =>
    write(
      'syd',
      'followUp',
      {
        citizenId: citizenA,
        title: 'Ring tilbage',
        dueOn,
        assigneeId: 'leder',
        ...(doneAt ? { doneAt, doneBy: 'leder' } : {}),
      },
      '2026-07-01T08:00:00.000Z',
    );
  await followUp('2026-07-10', '2026-07-09T10:00:00.000Z');
  await followUp('2026-07-11', '2026-07-11T10:00:00.000Z');
  await followUp('2026-07-20');
  await followUp('2026-07-21', '2026-07-25T10:00:00.000Z');
  const note = (teamId: string) =>
    write(teamId, 'note', {
      citizenId: teamId === 'syd' ? citizenA : undefined,
      occurredAt: '2026-08-15T10:00:00.000Z',
      body: 'Samtale',
      category: 'samtale',
      status: 'final',
      authorId: teamId === 'syd' ? 'leder' : 'nordleder',
    });
  await times(2, () => note('syd'));
}

const Q3 = 'from=2026-07-01&to=2026-09-30';

describe.each(DIALECTS)('statistics report (%s)', (dialect) => {
  let testDb: TestDatabase;
  let database: Database;
  /** Threshold 2: only ones are withheld, and the data set has none, so every count is exact. */
  let exact: FastifyInstance;
  let protectedApp: FastifyInstance;

  beforeAll(async () => {
    testDb = await createTestDatabase(dialect);
    database = await testDb.open();
    await seedKnown(database);
    exact = await buildApp({
      config: { ...testDb.config, STATISTICS_THRESHOLD: 2 },
      database,
    });
    protectedApp = await buildApp({ config: testDb.config, database });
  });
  afterAll(async () => {
    await exact?.close();
    await protectedApp?.close();
    await database?.close();
    await testDb?.drop();
  });

  const get = async (app: FastifyInstance, username: string, query: string) => {
    const token = await login(app, username, 'hemmelig-kode');
    return app.inject({
      method: 'GET',
      url: `/api/statistics?${query}`,
      headers: authHeaders(token),
    });
  };
  const report = async (app: FastifyInstance, username: string, query = Q3) => {
    const res = await get(app, username, query);
    expect(res.statusCode, res.body).toBe(200);
    // The client reads the same shape (the schema the statistics screen parses with).
    return StatisticsReportSchema.parse(res.json());
  };
  const plain = (t: ProtectedTable) => ({
    cells: t.cells,
    rowTotals: t.rowTotals,
    columnTotals: t.columnTotals,
    total: t.total,
  });

  it("counts a lead's teams' contacts, visits, follow-ups and notes of the quarter exactly, in Danish months", async () => {
    const r = await report(exact, 'leder');
    expect(r.months).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(r.teams).toEqual([{ id: 'syd', name: 'Team Syd' }]);
    expect(r.locations.map((l) => l.name)).toEqual(['Alfa værested', 'Beta herberg']);
    expect(plain(r.contactsByLocation)).toEqual({
      cells: [
        [10, 8, 0],
        [2, 0, 7],
      ],
      rowTotals: [18, 9],
      columnTotals: [12, 8, 7],
      total: 27,
    });
    expect(r.contactsByKind.cells).toEqual([
      [0, 8, 0],
      [12, 0, 7],
    ]);
    // AGE_GROUPS: under-18, 18-24, 25-39, 40-59, 60-plus, unknown
    expect(r.contactsByAgeGroup.rowTotals).toEqual([2, 0, 17, 8, 0, 0]);
    // GENDERS: kvinde, mand, andet, ukendt
    expect(r.contactsByGender.rowTotals).toEqual([8, 17, 2, 0]);
    // CONTACT_TOPICS: bolig, misbrug, psykiatri, sundhed, oekonomi, beskaeftigelse, netvaerk, andet
    expect(r.contactsByTopic.rowTotals).toEqual([18, 8, 0, 7, 0, 0, 0, 0]);
    expect(r.distinctCitizens).toEqual({ byLocation: [2, 0], total: 2 });
    expect(r.visits).toEqual({
      counts: [
        [2, 0, 0],
        [0, 0, 0],
      ],
      hours: [
        [3.5, 0, 0],
        [0, 0, 0],
      ],
    });
    expect(r.followUps.map((t) => t.cells[0])).toEqual([
      [4, 0, 0],
      [2, 0, 0],
      [2, 0, 0],
    ]);
    expect(plain(r.notesByTeam)).toEqual({
      cells: [[0, 2, 0]],
      rowTotals: [2],
      columnTotals: [0, 2, 0],
      total: 2,
    });
  });

  it('filters by location and, for an administrator, by team; an administrator sees every team', async () => {
    const onlyBeta = await report(exact, 'leder', `${Q3}&locations=${beta}`);
    expect(onlyBeta.locations.map((l) => l.name)).toEqual(['Beta herberg']);
    expect(onlyBeta.contactsByLocation.total).toBe(9);
    expect(onlyBeta.contactsByKind.rowTotals).toEqual([0, 9]);

    const all = await report(exact, 'admin');
    expect(all.teams.map((t) => t.id)).toEqual(['nord', 'syd', 'vest']);
    expect(all.contactsByLocation.cells[0]).toEqual([16, 8, 0]);
    expect(all.contactsByAgeGroup.rowTotals[4]).toBe(6);

    const syd = await report(exact, 'admin', `${Q3}&teams=syd`);
    expect(syd.contactsByLocation.total).toBe(27);
    const nord = await report(exact, 'admin', `${Q3}&teams=nord`);
    expect(nord.contactsByLocation.rowTotals).toEqual([6, 0]);
    expect(nord.contactsByTopic.rowTotals[7]).toBe(6);
  });

  it("keeps a lead to their own teams: another team's numbers are refused and the attempt audited", async () => {
    const nordLead = await report(exact, 'nordleder');
    expect(nordLead.contactsByLocation.total).toBe(6);
    const res = await get(exact, 'leder', `${Q3}&teams=nord`);
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('forbidden');
    expect(res.body).not.toMatch(/"cells"/);
    const audited = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'statistics')
      .where('user_id', '=', 'leder')
      .execute();
    expect(audited.map((a) => a.action)).toContain('forbidden');
    expect(audited.map((a) => a.action)).toContain('statistics');
  });

  it('refuses a caseworker (403) and audits it', async () => {
    const res = await get(exact, 'medarb', Q3);
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toMatch(/"cells"/);
    const audited = await database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('entity', '=', 'statistics')
      .where('user_id', '=', 'medarb')
      .execute();
    expect(audited.map((a) => a.action)).toEqual(['forbidden']);
    expect(audited[0]!.detail).toContain('caseworker');
  });

  it('answers a malformed or too long period with a clear 400', async () => {
    for (const query of [
      'from=2026-09-30&to=2026-07-01',
      'from=2024-01-01&to=2026-09-30',
      'from=juli&to=2026-09-30',
      'to=2026-09-30',
      `${Q3}&locations=not-an-id`,
    ]) {
      const res = await get(exact, 'leder', query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('invalid-request');
    }
  });

  it('withholds small counts on the server: the raw body never carries them, and every published number is exact', async () => {
    const truth = await report(exact, 'leder');
    const res = await get(protectedApp, 'leder', Q3);
    expect(res.statusCode).toBe(200);
    const body = JSON.parse(res.body) as StatisticsReport;
    expect(body.threshold).toBe(5);
    // Beta in July had 2 contacts; two distinct citizens were met.
    expect(body.contactsByLocation.cells[1]![0]).toBe('small');
    expect(body.distinctCitizens).toEqual({ byLocation: ['small', 0], total: 'small' });
    expect(body.contactsByKind.rowTotals).toEqual([8, 19]);
    const compare = (published: PublishedCount[], real: PublishedCount[]) =>
      published.forEach((v, i) => {
        if (typeof v === 'number') expect(v).toBe(real[i]);
        else expect((real[i] as number) > 0 && (real[i] as number) < 5).toBe(v === 'small');
      });
    const tables = (r: StatisticsReport) => [
      r.contactsByLocation,
      r.contactsByKind,
      r.contactsByAgeGroup,
      r.contactsByGender,
      r.contactsByTopic,
      r.notesByTeam,
      ...r.followUps,
    ];
    let withheld = 0;
    tables(body).forEach((t, i) => {
      const real = tables(truth)[i]!;
      const flat = (x: ProtectedTable) => [
        ...x.cells.flat(),
        ...x.rowTotals,
        ...x.columnTotals,
        x.total,
      ];
      compare(flat(t), flat(real));
      withheld += flat(t).filter((v) => typeof v !== 'number').length;
      // No line of a published table has exactly one withheld entry.
      const lines = [
        ...t.cells.map((row, r) => [...row, t.rowTotals[r]]),
        ...t.columnTotals.map((total, c) => [...t.cells.map((row) => row[c]), total]),
        [...t.columnTotals, t.total],
      ];
      for (const line of lines)
        expect(line.filter((v) => typeof v !== 'number').length).not.toBe(1);
    });
    expect(withheld).toBeGreaterThan(0);
  });
});

describe.each(DIALECTS)('statistics of the demo data (%s)', (dialect) => {
  const f = useSeededApp(dialect);

  it('has months of contacts at every team lead’s locations, so the screen shows real numbers at once', async () => {
    const token = await login(f.app, 'mette');
    const today = localDateOf(new Date());
    const from = localDateOf(new Date(Date.now() - 100 * 86_400_000));
    const res = await f.app.inject({
      method: 'GET',
      url: `/api/statistics?from=${from}&to=${today}`,
      headers: authHeaders(token),
    });
    expect(res.statusCode).toBe(200);
    const report = StatisticsReportSchema.parse(res.json());
    expect(report.contactsByLocation.total).toEqual(expect.any(Number));
    expect(report.contactsByLocation.total as number).toBeGreaterThan(100);
    expect(report.visits.counts.flat().reduce((a, b) => a + b, 0)).toBeGreaterThan(15);
    expect(
      report.contactsByTopic.rowTotals.filter((v) => typeof v === 'number' && v > 0).length,
    ).toBeGreaterThan(4);
  });
});
