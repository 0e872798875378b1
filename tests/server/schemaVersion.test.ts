import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ENTITY_NAMES } from '../../src/domain/entities';
import { newId } from '../../src/domain/ids';
import {
  ChangeSchema,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  PullResponseSchema,
  SCHEMA_HEADER,
  SCHEMA_VERSION,
} from '../../src/protocol';
import { useSeededApp } from './helpers/appFixture';
import { authHeaders, login, mutation, newCitizen, pullAll, push } from './helpers/api';

/**
 * The entities a client of each schema version knows (docs/sync-protocol.md, section 3). A new
 * entity is a new schema version: add the version here with its list, and bump SCHEMA_VERSION.
 */
const ENTITIES_OF_SCHEMA: Record<number, readonly string[]> = {
  1: ['citizen', 'case', 'note', 'location', 'scheduleSlot', 'visit', 'contact', 'followUp'],
  2: [
    'citizen',
    'case',
    'note',
    'location',
    'scheduleSlot',
    'visit',
    'contact',
    'followUp',
    'handoverMark',
  ],
};

/** How a client of schema version 1 reads a pull page: the same schema, its own entity list. */
const PullPageOfSchema1 = PullResponseSchema.extend({
  changes: z.array(
    ChangeSchema.extend({ entity: z.enum(ENTITIES_OF_SCHEMA[1] as [string, ...string[]]) }),
  ),
});

describe('schema version 2: the handover mark entity (sqlite)', () => {
  const f = useSeededApp('sqlite');

  it('names every entity the protocol carries: an entity added without a schema bump fails here', () => {
    expect(SCHEMA_VERSION).toBe(2);
    expect([...ENTITY_NAMES]).toEqual(ENTITIES_OF_SCHEMA[SCHEMA_VERSION]);
  });

  it('a client of schema 1 could not read a page with a handover mark, so it is told to update (426) instead of stalling on it', async () => {
    const mette = await login(f.app, 'mette');
    const citizen = newCitizen({ firstName: 'Version' });
    const noteId = newId();
    await push(f.app, mette, [
      citizen,
      mutation('note', 'create', noteId, {
        citizenId: citizen.recordId,
        occurredAt: new Date().toISOString(),
        category: 'samtale',
        body: 'Afsluttet notat',
        status: 'final',
        authorId: 'mette',
      }),
      mutation('handoverMark', 'create', newId(), {
        citizenId: citizen.recordId,
        noteId,
        journalizedOn: '2026-12-01',
        reference: 'SAG-1',
        markedBy: 'mette',
      }),
    ]);
    const page = { ...(await pullAll(f.app, mette)), hasMore: false };
    expect(page.changes.some((c) => c.entity === 'handoverMark')).toBe(true);
    // The page as a schema-1 client would parse it: refused as a whole (its sync would stall).
    const oldRead = PullPageOfSchema1.safeParse({
      changes: page.changes,
      cursor: 1,
      hasMore: false,
      latestSeq: 1,
      nextCursor: page.cursor,
      evictTeams: [],
    });
    expect(oldRead.success).toBe(false);

    // So the server refuses that client before it pulls or pushes anything, and says why.
    const schema1 = { ...authHeaders(mette), [SCHEMA_HEADER]: '1' };
    for (const [method, url] of [
      ['GET', '/api/sync/pull'],
      ['POST', '/api/sync/push'],
      ['POST', '/api/audit/events'],
    ] as const) {
      const res = await f.app.inject({
        method,
        url,
        headers: schema1,
        ...(method === 'POST' ? { payload: { deviceId: 'd', mutations: [], events: [] } } : {}),
      });
      expect(res.statusCode, url).toBe(426);
      const body = res.json<{
        error: { code: string; message: string; details: Record<string, unknown> };
      }>();
      expect(body.error.code).toBe('protocol-outdated');
      expect(body.error.message).toMatch(/update the app/i);
      expect(body.error.details).toEqual({
        expected: { [PROTOCOL_HEADER]: PROTOCOL_VERSION, [SCHEMA_HEADER]: 2 },
        received: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), [SCHEMA_HEADER]: '1' },
      });
    }
    // Nothing of what a schema-1 client sent reached the change log: its login is refused too.
    const oldLogin = await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), [SCHEMA_HEADER]: '1' },
      payload: { username: 'mette', password: 'demo' },
    });
    expect(oldLogin.statusCode).toBe(426);
  });
});
