import { describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { moveCitizen } from '../../src/server/admin/moveCitizen';
import { loadProfile } from '../../src/server/auth/users';
import { useSeededApp } from './helpers/appFixture';
import {
  authHeaders,
  login,
  mutation,
  newCitizen,
  pullAllCursor,
  pullCursor,
  push,
} from './helpers/api';
import { DIALECTS } from './helpers/testDatabase';

const cursorOf = (positions: Record<string, number>) =>
  Buffer.from(JSON.stringify({ v: 1, p: positions })).toString('base64url');
const decode = (cursor: string) =>
  JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { p: Record<string, number> };

describe.each(DIALECTS)('team scope on push and pull (%s)', (dialect) => {
  const f = useSeededApp(dialect);
  /** An administrator (`adminToken`) gives Sara these teams, the first her default. */
  const setSaraTeams = (adminToken: string, teams: string[]) =>
    f.app.inject({
      method: 'PUT',
      url: '/api/admin/users/sara/teams',
      headers: authHeaders(adminToken),
      payload: { teams },
    });

  async function sydCitizenWithNote(token: string) {
    const citizen = newCitizen({ firstName: 'Kun Syd' });
    const noteId = newId();
    const note = mutation('note', 'create', noteId, {
      citizenId: citizen.recordId,
      occurredAt: new Date().toISOString(),
      category: 'samtale',
      body: 'Fortroligt',
      status: 'draft',
      authorId: 'mette',
    });
    const results = await push(f.app, token, [citizen, note]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    return { citizenId: citizen.recordId, noteId };
  }

  it('never lets a device of team Nord read or write team Syd records, whatever ids, teams, citizen references or cursors it forges', async () => {
    const mette = await login(f.app, 'mette');
    const sara = await login(f.app, 'sara');
    const { citizenId, noteId } = await sydCitizenWithNote(mette);
    const attempts = [
      { ...newCitizen({ firstName: 'Indsmugling' }), teamId: 'odense-syd' },
      mutation('citizen', 'update', citizenId, { phone: '12345678' }, { baseVersion: 1 }),
      // A create for an id that exists is an update of it: still the other team's record.
      mutation('citizen', 'create', citizenId, { firstName: 'Overtaget' }),
      mutation('note', 'delete', noteId, {}, { baseVersion: 1 }),
      mutation('note', 'create', newId(), {
        citizenId,
        occurredAt: new Date().toISOString(),
        category: 'samtale',
        body: 'Forfalsket reference',
        status: 'draft',
        authorId: 'sara',
      }),
      {
        ...mutation('followUp', 'create', newId(), {
          citizenId,
          dueOn: '2026-12-01',
          title: 'Forfalsket',
          assigneeId: 'sara',
        }),
        teamId: 'odense-nord',
      },
      { ...mutation('citizen', 'create', newId(), { firstName: 'Fælles?' }), teamId: 'shared' },
    ];
    const results = await push(f.app, sara, attempts);
    expect(results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual(
      attempts.map(() => 'forbidden'),
    );
    const forbidden = await f.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'forbidden')
      .where('user_id', '=', 'sara')
      .execute();
    expect(forbidden.length).toBeGreaterThanOrEqual(attempts.length);
    expect(forbidden.filter((e) => e.citizen_id === citizenId).length).toBeGreaterThanOrEqual(4);

    const stored = await f.database.db
      .selectFrom('records')
      .select(['version', 'team_id', 'deleted'])
      .where('id', 'in', [citizenId, noteId])
      .execute();
    expect(stored).toEqual([
      { version: 1, team_id: 'odense-syd', deleted: 0 },
      { version: 1, team_id: 'odense-syd', deleted: 0 },
    ]);

    const forged = await pullCursor(f.app, sara, cursorOf({ 'odense-syd': 0, 'odense-nord': 0 }));
    expect(forged.statusCode).toBe(200);
    expect(forged.evictTeams).toEqual(['odense-syd']);
    expect(forged.changes.some((c) => c.recordId === citizenId || c.recordId === noteId)).toBe(
      false,
    );
    expect(Object.keys(decode(forged.nextCursor!).p).sort()).toEqual(['odense-nord', 'shared']);
    for (const bad of ['not-a-cursor', cursorOf({ 'odense-nord': -5 }), 'eyJ2IjoyfQ']) {
      const res = await f.app.inject({
        method: 'GET',
        url: `/api/sync/pull?cursor=${bad}`,
        headers: authHeaders(sara),
      });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'invalid-request' } });
    }
  });

  it('files a record naming a citizen in that citizen team when the user is in several teams', async () => {
    const anders = await login(f.app, 'anders');
    const vest = { ...newCitizen({ firstName: 'Vestborger' }), teamId: 'odense-vest' };
    const followUp = mutation('followUp', 'create', newId(), {
      citizenId: vest.recordId,
      dueOn: '2026-12-01',
      title: 'Ring tilbage',
      assigneeId: 'anders',
    });
    expect((await push(f.app, anders, [vest, followUp])).map((r) => r.status)).toEqual([
      'applied',
      'applied',
    ]);
    const rows = await f.database.db
      .selectFrom('records')
      .select(['id', 'team_id'])
      .where('id', 'in', [vest.recordId, followUp.recordId])
      .execute();
    expect(rows.map((r) => r.team_id)).toEqual(['odense-vest', 'odense-vest']);
  });

  it('answers an existing session with the user and teams as they are now, the teams in name order', async () => {
    const sara = await login(f.app, 'sara');
    const lone = await login(f.app, 'lone');
    const me = async () =>
      (
        await f.app.inject({ method: 'GET', url: '/api/auth/me', headers: authHeaders(sara) })
      ).json<{ user: { teamId: string; teamName: string; teams: { id: string }[] } }>();
    expect((await me()).user.teams.map((t) => t.id)).toEqual(['odense-nord']);

    const setTeams = (teams: string[]) => setSaraTeams(lone, teams);
    // The first team named becomes the default.
    expect((await setTeams(['odense-syd', 'odense-nord'])).statusCode).toBe(200);
    const now = (await me()).user;
    expect(now).toMatchObject({ teamId: 'odense-syd', teamName: 'Fremskudt team Syd' });
    expect(now.teams.map((t) => t.id)).toEqual(['odense-nord', 'odense-syd']);
    expect(now).toEqual({ ...now, ...(await loadProfile(f.database, { id: 'sara' }))?.profile });
    // As the other tests of this app expect her.
    expect((await setTeams(['odense-nord'])).statusCode).toBe(200);
    expect((await me()).user.teams.map((t) => t.id)).toEqual(['odense-nord']);
  });

  it('backfills a team added to the user from its beginning and evicts a team taken away', async () => {
    const mette = await login(f.app, 'mette');
    const lone = await login(f.app, 'lone');
    const sara = await login(f.app, 'sara');
    const { citizenId } = await sydCitizenWithNote(mette);
    const before = await pullAllCursor(f.app, sara);
    expect(before.changes.some((c) => c.recordId === citizenId)).toBe(false);

    const setTeams = (teams: string[]) => setSaraTeams(lone, teams);
    expect((await setTeams(['odense-nord', 'odense-syd'])).statusCode).toBe(200);
    const added = await pullAllCursor(f.app, sara, before.cursor);
    expect(added.changes.some((c) => c.recordId === citizenId && c.op === 'upsert')).toBe(true);
    expect(added.evictTeams).toEqual([]);
    expect(Object.keys(decode(added.cursor!).p)).toContain('odense-syd');

    expect((await setTeams(['odense-nord'])).statusCode).toBe(200);
    const removed = await pullCursor(f.app, sara, added.cursor);
    expect(removed.evictTeams).toEqual(['odense-syd']);
    expect(Object.keys(decode(removed.nextCursor!).p)).not.toContain('odense-syd');
    const after = await pullCursor(f.app, sara, removed.nextCursor);
    expect(after.evictTeams).toEqual([]);
  });

  it('moves a citizen with its notes: evicted from the old team devices, delivered to the new team', async () => {
    const mette = await login(f.app, 'mette');
    const anders = await login(f.app, 'anders');
    const sara = await login(f.app, 'sara');
    const lone = await login(f.app, 'lone');
    const { citizenId, noteId } = await sydCitizenWithNote(mette);
    const sydDevice = await pullAllCursor(f.app, anders);
    const nordDevice = await pullAllCursor(f.app, sara);

    const move = await f.app.inject({
      method: 'POST',
      url: `/api/citizens/${citizenId}/move`,
      headers: authHeaders(lone),
      payload: { teamId: 'odense-nord' },
    });
    expect(move.json()).toMatchObject({
      fromTeamId: 'odense-syd',
      toTeamId: 'odense-nord',
      moved: 2,
    });

    const syd = await pullAllCursor(f.app, anders, sydDevice.cursor);
    expect(syd.changes.filter((c) => c.op === 'evict').map((c) => [c.recordId, c.record])).toEqual(
      expect.arrayContaining([
        [citizenId, null],
        [noteId, null],
      ]),
    );
    const nord = await pullAllCursor(f.app, sara, nordDevice.cursor);
    const delivered = nord.changes.filter((c) => c.op === 'upsert');
    expect(delivered.map((c) => c.recordId)).toEqual(expect.arrayContaining([citizenId, noteId]));
    expect(delivered.every((c) => c.record?.teamId === 'odense-nord')).toBe(true);

    // A new member of Syd backfilling from the start gets no trace of the moved citizen's data.
    const fresh = await pullAllCursor(f.app, mette);
    expect(
      fresh.changes.filter((c) => c.recordId === citizenId).every((c) => c.record === null),
    ).toBe(true);
    const [byMette] = await push(f.app, mette, [
      mutation('citizen', 'update', citizenId, { phone: '11111111' }, { baseVersion: 2 }),
    ]);
    expect(byMette).toMatchObject({ status: 'rejected', code: 'forbidden' });
    const [bySara] = await push(f.app, sara, [
      mutation('citizen', 'update', citizenId, { phone: '22222222' }, { baseVersion: 2 }),
    ]);
    expect(bySara).toMatchObject({ status: 'applied' });
    const moves = await f.database.db
      .selectFrom('audit_log')
      .select('record_id')
      .where('action', '=', 'move')
      .where('citizen_id', '=', citizenId)
      .execute();
    expect(moves.length).toBe(2);
  });

  it('delivers the evict to a device that already holds the moved citizen as the newest change of the log', async () => {
    const mette = await login(f.app, 'mette');
    const anders = await login(f.app, 'anders');
    const lone = await login(f.app, 'lone');
    const citizen = newCitizen({ firstName: 'Senest skrevet' });
    await push(f.app, mette, [citizen]);
    // The move deletes Syd's entry of the citizen, the newest seq of the whole log; the evict
    // must still get a seq above the one this device holds.
    const held = await pullAllCursor(f.app, anders);
    const move = await f.app.inject({
      method: 'POST',
      url: `/api/citizens/${citizen.recordId}/move`,
      headers: authHeaders(lone),
      payload: { teamId: 'odense-nord' },
    });
    expect(move.statusCode).toBe(200);
    const next = await pullAllCursor(f.app, anders, held.cursor);
    expect(next.changes.map((c) => [c.recordId, c.op])).toEqual([[citizen.recordId, 'evict']]);
  });

  it('leaves a citizen moved twice at once in one team, evicted from every team it left', async () => {
    const mette = await login(f.app, 'mette');
    const { citizenId } = await sydCitizenWithNote(mette);
    const admin = (await loadProfile(f.database, { id: 'lone' }))!.profile;
    // Called directly, so that both read the citizen's team before either locks anything.
    const answers = await Promise.all(
      ['odense-nord', 'odense-vest'].map((to) =>
        moveCitizen(f.database, citizenId, to, admin, null),
      ),
    );
    const { team_id: finalTeam } = await f.database.db
      .selectFrom('records')
      .select('team_id')
      .where('id', '=', citizenId)
      .executeTakeFirstOrThrow();
    // Whichever move came second started from the team the first one left it in.
    const froms = answers.map((a) => a.fromTeamId).sort();
    expect(froms).toEqual(
      ['odense-syd', finalTeam === 'odense-vest' ? 'odense-nord' : 'odense-vest'].sort(),
    );
    for (const team of ['odense-syd', 'odense-nord', 'odense-vest']) {
      const last = await f.database.db
        .selectFrom('changes')
        .select('op')
        .where('team_id', '=', team)
        .where('record_id', '=', citizenId)
        .orderBy('seq', 'desc')
        .executeTakeFirst();
      expect(last?.op, team).toBe(team === finalTeam ? 'upsert' : 'evict');
    }
  });

  it('refuses a move by a lead who is not in both teams, and by a caseworker', async () => {
    const mette = await login(f.app, 'mette');
    const anders = await login(f.app, 'anders');
    const { citizenId } = await sydCitizenWithNote(mette);
    for (const token of [mette, anders]) {
      const res = await f.app.inject({
        method: 'POST',
        url: `/api/citizens/${citizenId}/move`,
        headers: authHeaders(token),
        payload: { teamId: 'odense-nord' },
      });
      expect(res.statusCode).toBe(403);
    }
  });
});
