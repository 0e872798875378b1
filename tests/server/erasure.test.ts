import { existsSync, readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import type { MutationResult } from '../../src/protocol';
import { buildApp } from '../../src/server/app';
import type { Database } from '../../src/server/data/schema';
import { seedDemo } from '../../src/server/demo/seedDemo';
import {
  authHeaders,
  loginOn,
  mutation,
  newCitizen,
  newNote,
  pullAllCursor,
  push,
} from './helpers/api';
import { createTestDatabase, DIALECTS, type TestDatabase } from './helpers/testDatabase';

/** Every table's every row as text: where a marker would be if anything kept it. */
async function dumpAllTables(database: Database): Promise<string> {
  const tables = await database.db.introspection.getTables();
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = await database.db
      .selectFrom(name as 'records')
      .selectAll()
      .execute();
    parts.push(`${name}: ${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}

describe.each(DIALECTS)('erasure of a citizen (%s)', (dialect) => {
  let testDb: TestDatabase;
  let database: Database;
  let app: FastifyInstance;
  const logLines: string[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase(dialect);
    database = await testDb.open();
    await seedDemo(database);
    // Every log line the server writes, at the most verbose level, to search for the marker.
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    });
    app = await buildApp({
      config: testDb.config,
      database,
      logger: { level: 'trace', stream },
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await testDb?.drop();
  });

  const erase = (token: string, citizenId: string, confirmCitizenId = citizenId) =>
    app.inject({
      method: 'POST',
      url: `/api/citizens/${citizenId}/erase`,
      headers: authHeaders(token),
      payload: { confirmCitizenId },
    });

  /** A citizen of team Syd with a case, two versions of a note, a follow-up and a visit contact. */
  async function citizenWithHistory(marker: string, token: string, deviceId: string) {
    const citizen = newCitizen({ firstName: marker }, deviceId);
    const caseId = newId();
    const noteId = newId();
    const followUpId = newId();
    const contactId = newId();
    const now = new Date().toISOString();
    const opts = { deviceId };
    const results = await push(
      app,
      token,
      [
        citizen,
        mutation(
          'case',
          'create',
          caseId,
          {
            citizenId: citizen.recordId,
            title: `Sag ${marker}`,
            legalBasis: 'sel-99',
            responsibleUserId: 'anders',
            openedOn: now.slice(0, 10),
          },
          opts,
        ),
        mutation(
          'note',
          'create',
          noteId,
          {
            citizenId: citizen.recordId,
            caseId,
            occurredAt: now,
            category: 'samtale',
            body: `Første udgave ${marker}`,
            status: 'draft',
            authorId: 'anders',
          },
          opts,
        ),
        mutation(
          'followUp',
          'create',
          followUpId,
          {
            citizenId: citizen.recordId,
            title: `Ring til ${marker}`,
            dueOn: now.slice(0, 10),
            assigneeId: 'anders',
          },
          opts,
        ),
        mutation(
          'contact',
          'create',
          contactId,
          {
            visitId: newId(),
            locationId: newId(),
            at: now,
            kind: 'named',
            citizenId: citizen.recordId,
            remark: `Mødt ${marker}`,
          },
          opts,
        ),
      ],
      deviceId,
    );
    expect(results.map((r) => r.status)).toEqual(Array(5).fill('applied'));
    // A later version: the change log now holds the first one as history.
    const second = await push(
      app,
      token,
      [
        mutation(
          'note',
          'update',
          noteId,
          { body: `Anden udgave ${marker}` },
          { ...opts, baseVersion: 1 },
        ),
      ],
      deviceId,
    );
    expect(second[0]?.status).toBe('applied');
    // A refused change, which the server keeps in full.
    const refused = await push(
      app,
      token,
      [
        mutation(
          'note',
          'update',
          noteId,
          { category: `ukendt ${marker}` },
          { ...opts, baseVersion: 2 },
        ),
      ],
      deviceId,
    );
    expect(refused[0]?.status).toBe('rejected');
    return {
      citizenId: citizen.recordId,
      ids: [citizen.recordId, caseId, noteId, followUpId, contactId],
    };
  }

  it('removes the citizen and every record naming it from every table, the change log, the file and the log lines, and keeps that it happened', async () => {
    const marker = `MRK${newId().replace(/-/g, '')}`;
    const anders = await loginOn(app, 'anders', 'device-anders-erase');
    const mette = await loginOn(app, 'mette', 'device-mette-erase');
    const { citizenId, ids } = await citizenWithHistory(
      marker,
      anders.token,
      'device-anders-erase',
    );
    // A conflict: its answer, kept for retries, carries both values.
    const clash = await push(
      app,
      mette.token,
      [
        mutation(
          'citizen',
          'update',
          citizenId,
          { firstName: `${marker}-m` },
          { deviceId: 'device-mette-erase', baseVersion: 1 },
        ),
      ],
      'device-mette-erase',
    );
    const clash2 = await push(
      app,
      anders.token,
      [
        mutation(
          'citizen',
          'update',
          citizenId,
          { firstName: `${marker}-a` },
          { deviceId: 'device-anders-erase', baseVersion: 1 },
        ),
      ],
      'device-anders-erase',
    );
    expect([clash[0]?.status, clash2[0]?.status]).toEqual(['applied', 'conflict']);
    const read = await app.inject({
      method: 'GET',
      url: `/api/citizens/${citizenId}/access-log`,
      headers: authHeaders(mette.token),
    });
    expect(read.statusCode).toBeLessThan(500);
    expect(await dumpAllTables(database)).toContain(marker);
    const auditBefore = await database.db
      .selectFrom('audit_log')
      .select(['id', 'action', 'user_id', 'at'])
      .where('citizen_id', '=', citizenId)
      .execute();
    expect(auditBefore.length).toBeGreaterThan(0);

    // A caseworker may not erase; a request naming another citizen is refused.
    expect((await erase(anders.token, citizenId)).statusCode).toBe(403);
    expect((await erase(mette.token, citizenId, newId())).statusCode).toBe(400);
    const res = await erase(mette.token, citizenId);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      citizenId,
      erased: { citizen: 1, case: 1, note: 1, followUp: 1, contact: 1 },
    });

    expect(await dumpAllTables(database)).not.toContain(marker);
    if (dialect === 'sqlite') {
      const path = testDb.config.SQLITE_PATH;
      for (const file of [path, `${path}-wal`, `${path}-journal`]) {
        if (existsSync(file)) expect(readFileSync(file).includes(marker)).toBe(false);
      }
    }
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.filter((l) => l.includes(marker))).toEqual([]);

    // A device pulling from the beginning gets only the erasures of these records.
    const { changes } = await pullAllCursor(app, anders.token);
    const theirs = changes.filter((c) => ids.includes(c.recordId));
    expect(theirs.map((c) => c.op)).toEqual(['erase', 'erase', 'erase', 'erase', 'erase']);
    expect(theirs.every((c) => c.record === null)).toBe(true);

    // The audit log keeps the erasure (who, when) and the earlier entries, with ids only.
    const auditAfter = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('citizen_id', '=', citizenId)
      .execute();
    expect(auditAfter.map((a) => a.id)).toEqual(
      expect.arrayContaining(auditBefore.map((a) => a.id)),
    );
    const erasure = auditAfter.find((a) => a.action === 'erase');
    expect(erasure).toMatchObject({ user_id: 'mette', record_id: citizenId });
    const before = new Set(auditBefore.map((a) => a.id));
    expect(auditAfter.filter((a) => before.has(a.id)).map((a) => a.detail)).toEqual(
      auditBefore.map(() => null),
    );

    // Erasing again: nothing left to erase.
    expect((await erase(mette.token, citizenId)).statusCode).toBe(404);
  });

  it('refuses an offline device’s old edits and new records naming the erased citizen, and keeps none of them', async () => {
    const marker = `MRK${newId().replace(/-/g, '')}`;
    const anders = await loginOn(app, 'anders', 'device-anders-offline');
    const mette = await loginOn(app, 'mette', 'device-mette-offline');
    const { citizenId, ids } = await citizenWithHistory(
      'Før',
      anders.token,
      'device-anders-offline',
    );
    expect((await erase(mette.token, citizenId)).statusCode).toBe(200);
    const noteId = ids[2] ?? '';
    const late: MutationResult[] = await push(
      app,
      anders.token,
      [
        mutation(
          'note',
          'update',
          noteId,
          { body: `Skrevet offline ${marker}` },
          { deviceId: 'device-anders-offline', baseVersion: 2 },
        ),
        mutation(
          'citizen',
          'update',
          citizenId,
          { firstName: marker },
          { deviceId: 'device-anders-offline', baseVersion: 1 },
        ),
        newNote(
          citizenId,
          { body: `Ny offline ${marker}`, authorId: 'anders' },
          'device-anders-offline',
        ),
      ],
      'device-anders-offline',
    );
    expect(late.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual([
      'record-erased',
      'record-erased',
      'record-erased',
    ]);
    expect(await dumpAllTables(database)).not.toContain(marker);
  });
  it('clears the terms of searches naming the erased citizen (name, CPR, phone) and keeps who searched and when', async () => {
    const anders = await loginOn(app, 'anders', 'device-anders-search');
    const sara = await loginOn(app, 'sara', 'device-sara-search');
    // A last name beginning with a letter lower() on SQLite does not fold, unique to this test.
    const lastName = `Øster${newId()
      .replace(/[^a-f]/g, '')
      .slice(0, 8)}q`;
    // In team Vest: Anders is a member, but his searches are stored under his default team Syd.
    const citizen = {
      ...newCitizen(
        { firstName: 'Bo', lastName, cpr: '010190-1234', phone: '+45 21 43 65 87' },
        'device-anders-search',
      ),
      teamId: 'odense-vest',
    };
    const [created] = await push(app, anders.token, [citizen], 'device-anders-search');
    expect(created?.status).toBe('applied');
    const searchBy = async (token: string, deviceId: string, terms: string[]) => {
      const events = terms.map((term) => ({
        id: newId(),
        action: 'search' as const,
        entity: 'citizen' as const,
        term,
        at: new Date().toISOString(),
      }));
      const res = await app.inject({
        method: 'POST',
        url: '/api/audit/events',
        headers: authHeaders(token),
        payload: { deviceId, events },
      });
      expect(res.json()).toEqual({ stored: terms.length });
      return events.map((e) => e.id);
    };
    const naming = [
      lastName.toLowerCase(),
      lastName,
      `bo ${lastName.slice(0, -1).toUpperCase()}Q`,
      '0101901234',
      '010190-1234',
      '21 43 65 87',
    ];
    const namingIds = await searchBy(anders.token, 'device-anders-search', naming);
    const [unrelatedId] = await searchBy(anders.token, 'device-anders-search', ['Jensen 5678']);
    const lone = await loginOn(app, 'lone', 'device-lone-search');
    const [teamSearchId] = await searchBy(lone.token, 'device-lone-search', [`${lastName} bo`]);
    // Sara (team Nord) cannot see the citizen of team Vest: her search is not about them.
    const [otherTeamId] = await searchBy(sara.token, 'device-sara-search', [lastName]);
    const ids = [...namingIds, teamSearchId ?? '', unrelatedId ?? '', otherTeamId ?? ''];
    const entries = () =>
      database.db
        .selectFrom('audit_log')
        .select(['id', 'user_id', 'at', 'detail'])
        .where('id', 'in', ids)
        .execute();
    const before = await entries();
    expect(before.every((e) => e.detail !== null)).toBe(true);

    expect((await erase(lone.token, citizen.recordId)).statusCode).toBe(200);

    const after = new Map((await entries()).map((e) => [e.id, e]));
    // Each naming search is still there (who, when), with no term.
    for (const [i, id] of namingIds.entries()) {
      const entry = after.get(id);
      const was = before.find((e) => e.id === id);
      expect({ term: naming[i], entry }).toEqual({
        term: naming[i],
        entry: { id, user_id: 'anders', at: was?.at, detail: null },
      });
    }
    expect(after.get(teamSearchId ?? '')).toMatchObject({ user_id: 'lone', detail: null });
    const termOf = (id: string | undefined) =>
      (JSON.parse(after.get(id ?? '')?.detail ?? '{}') as { term?: string }).term;
    expect(termOf(unrelatedId)).toBe('Jensen 5678');
    expect(termOf(otherTeamId)).toBe(lastName);
  });
});
