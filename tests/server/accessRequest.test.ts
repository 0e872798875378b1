import { describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { AccessRequestFileSchema, type AccessRequestFile } from '../../src/protocol/audit';
import { useSeededApp } from './helpers/appFixture';
import { authHeaders, login, mutation, newCitizen, push } from './helpers/api';
import { DIALECTS } from './helpers/testDatabase';

describe.each(DIALECTS)('access request for one citizen, GDPR art. 15 (%s)', (dialect) => {
  const f = useSeededApp(dialect);

  async function citizenWithHistory() {
    const mette = await login(f.app, 'mette');
    const citizen = newCitizen({ firstName: 'Indsigt', lastName: 'Ærø' });
    const noteId = newId();
    await push(f.app, mette, [
      citizen,
      mutation('note', 'create', noteId, {
        citizenId: citizen.recordId,
        occurredAt: new Date().toISOString(),
        category: 'samtale',
        body: 'Første udkast',
        status: 'draft',
        authorId: 'mette',
      }),
    ]);
    await push(f.app, mette, [
      { ...mutation('note', 'update', noteId, { body: 'Rettet udkast' }), baseVersion: 1 },
    ]);
    // A record about the same citizen kept by another team (e.g. from before a move).
    const foreignId = newId();
    await f.database.db
      .insertInto('records')
      .values({
        entity: 'note',
        id: foreignId,
        team_id: 'odense-nord',
        version: 1,
        deleted: 0,
        data: JSON.stringify({ id: foreignId, citizenId: citizen.recordId, body: 'Nord' }),
        field_versions: '{}',
        updated_seq: 0,
      })
      .execute();
    return { mette, citizenId: citizen.recordId, noteId, foreignId };
  }

  const ask = (token: string, citizenId: string) =>
    f.app.inject({
      method: 'GET',
      url: `/api/audit/citizens/${citizenId}/access-request`,
      headers: authHeaders(token),
    });

  it('gives a lead the citizen’s records with their history, the access log, and says what was left out and why; the request is audited', async () => {
    const { mette, citizenId, noteId, foreignId } = await citizenWithHistory();
    const res = await ask(mette, citizenId);
    expect(res.statusCode).toBe(200);
    const file = res.json<AccessRequestFile>();
    expect(file.requestedBy).toMatchObject({ id: 'mette', role: 'lead' });
    expect(file.records.citizen).toEqual([
      expect.objectContaining({ id: citizenId, lastName: 'Ærø' }),
    ]);
    expect(file.records.note).toEqual([
      expect.objectContaining({ id: noteId, body: 'Rettet udkast' }),
    ]);
    expect(file.history[noteId]!.map((h) => h.version)).toEqual([1, 2]);
    expect(JSON.stringify(file.records)).not.toContain(foreignId);
    expect(file.omitted).toEqual([
      { reason: 'other-team', teamId: 'odense-nord', entity: 'note', count: 1 },
    ]);
    expect(file.accessLog.some((e) => e.action === 'create' && e.recordId === noteId)).toBe(true);

    const audited = await f.database.db
      .selectFrom('audit_log')
      .select(['user_id', 'at'])
      .where('action', '=', 'access-request')
      .where('citizen_id', '=', citizenId)
      .execute();
    expect(audited).toHaveLength(1);
    expect(audited[0]!.user_id).toBe('mette');

    // An administrator sees every team's records: nothing left out.
    const lone = await login(f.app, 'lone');
    const all = (await ask(lone, citizenId)).json<AccessRequestFile>();
    expect(all.records.note!.map((n) => n.id).sort()).toEqual([noteId, foreignId].sort());
    expect(all.omitted).toEqual([]);
    // The first request now shows in the citizen's access log.
    expect(all.accessLog.some((e) => e.action === 'access-request' && e.userId === 'mette')).toBe(
      true,
    );
  });

  /** A full note record of `teamId` about the citizen, written there by `author` (below HTTP). */
  async function noteInTeam(citizenId: string, teamId: string, author: string, body: string) {
    const id = newId();
    const at = '2026-10-02T09:30:00.000Z';
    await f.database.db
      .insertInto('records')
      .values({
        entity: 'note',
        id,
        team_id: teamId,
        version: 1,
        deleted: 0,
        data: JSON.stringify({
          id,
          teamId,
          version: 1,
          createdAt: at,
          updatedAt: at,
          createdBy: author,
          updatedBy: author,
          conflicts: [],
          citizenId,
          occurredAt: at,
          body,
          category: 'samtale',
          status: 'final',
          authorId: author,
          finalizedAt: at,
        }),
        field_versions: '{}',
        updated_seq: 0,
      })
      .execute();
    return id;
  }

  it('gives a lead of two teams the note the other team wrote, states what a third team holds and why it is left out, in the answer the app parses', async () => {
    const lone = await login(f.app, 'lone');
    // Mette leads Syd and now Nord too.
    const teams = await f.app.inject({
      method: 'PUT',
      url: '/api/admin/users/mette/teams',
      headers: authHeaders(lone),
      payload: { teams: ['odense-syd', 'odense-nord'] },
    });
    expect(teams.statusCode).toBe(200);
    const { mette, citizenId } = await citizenWithHistory();
    const nordNote = await noteInTeam(
      citizenId,
      'odense-nord',
      'sara',
      'Sara fra Nord: mødt på værestedet, æøå',
    );
    const vestNote = await noteInTeam(
      citizenId,
      'odense-vest',
      'anders',
      'Vest: må ikke udleveres her',
    );

    const res = await ask(mette, citizenId);
    expect(res.statusCode).toBe(200);
    // The answer is what the app parses.
    const file = AccessRequestFileSchema.parse(res.json());
    expect(file.records.note!.map((n) => n.id)).toContain(nordNote);
    expect(JSON.stringify(file.records)).not.toContain(vestNote);
    expect(file.omitted).toContainEqual({
      reason: 'other-team',
      teamId: 'odense-vest',
      entity: 'note',
      count: 1,
    });
    // Back to Syd only, as the other tests of this file expect.
    await f.app.inject({
      method: 'PUT',
      url: '/api/admin/users/mette/teams',
      headers: authHeaders(lone),
      payload: { teams: ['odense-syd'] },
    });
  });

  it('refuses caseworkers with the same 403 whether or not the citizen exists', async () => {
    const { citizenId } = await citizenWithHistory();
    const sara = await login(f.app, 'sara');
    expect((await ask(sara, citizenId)).statusCode).toBe(403);
    expect((await ask(sara, newId())).statusCode).toBe(403);
    const anders = await login(f.app, 'anders');
    expect((await ask(anders, citizenId)).statusCode).toBe(403);
    // The refusal is audited nowhere as an access request: nothing was handed out.
    const audited = await f.database.db
      .selectFrom('audit_log')
      .select('user_id')
      .where('action', '=', 'access-request')
      .where('user_id', 'in', ['sara', 'anders'])
      .execute();
    expect(audited).toEqual([]);
    // Each attempt is audited as refused; on the citizen's access log when the citizen exists.
    const refused = await f.database.db
      .selectFrom('audit_log')
      .select(['user_id', 'citizen_id', 'record_id', 'detail'])
      .where('action', '=', 'forbidden')
      .where('user_id', 'in', ['sara', 'anders'])
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(refused.map((r) => [r.user_id, r.citizen_id])).toEqual([
      ['sara', citizenId],
      ['sara', null],
      ['anders', citizenId],
    ]);
    expect(JSON.parse(refused[0]!.detail!)).toMatchObject({ what: 'access-request' });
    const mette = await login(f.app, 'mette');
    const file = (await ask(mette, citizenId)).json<AccessRequestFile>();
    expect(file.accessLog.filter((e) => e.action === 'forbidden').map((e) => e.userId)).toEqual([
      'anders',
      'sara',
    ]);
  });
});
