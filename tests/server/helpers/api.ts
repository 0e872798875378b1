import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../src/server/data/schema';
import { newId } from '../../../src/domain/ids';
import type { EntityName } from '../../../src/domain/entities';
import {
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  SCHEMA_HEADER,
  SCHEMA_VERSION,
  type Mutation,
  type MutationResult,
  type PullResponse,
} from '../../../src/protocol';

/** The headers every current client sends. */
export const PROTOCOL_HEADERS = {
  [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
  [SCHEMA_HEADER]: String(SCHEMA_VERSION),
};

export async function login(
  app: FastifyInstance,
  username: string,
  password = 'demo',
): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: PROTOCOL_HEADERS,
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
  return res.json<{ token: string }>().token;
}

export function authHeaders(token: string) {
  return { ...PROTOCOL_HEADERS, authorization: `Bearer ${token}` };
}

export async function push(
  app: FastifyInstance,
  token: string,
  mutations: Mutation[],
  deviceId = mutations[0]?.deviceId ?? 'device-test-1',
): Promise<MutationResult[]> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: authHeaders(token),
    payload: { deviceId, mutations },
  });
  if (res.statusCode !== 200) throw new Error(`push failed ${res.statusCode}: ${res.body}`);
  return res.json<{ results: MutationResult[] }>().results;
}

/** One page from `cursor` (undefined: from the beginning); throws unless 200. */
export async function pull(
  app: FastifyInstance,
  token: string,
  cursor?: string,
  limit = 1000,
): Promise<PullResponse> {
  const page = await pullCursor(app, token, cursor, limit);
  if (page.statusCode !== 200) throw new Error(`pull failed ${page.statusCode}`);
  return page;
}

/** Pulls every page from `from` (undefined: the beginning); returns the changes and last cursor. */
export async function pullAll(app: FastifyInstance, token: string, from?: string, limit = 1000) {
  const changes: PullResponse['changes'] = [];
  let cursor = from;
  for (;;) {
    const page = await pull(app, token, cursor, limit);
    changes.push(...page.changes);
    cursor = page.nextCursor;
    if (!page.hasMore) return { changes, cursor };
  }
}

export function mutation(
  entity: EntityName,
  op: Mutation['op'],
  recordId: string,
  fields: Record<string, unknown>,
  options: { baseVersion?: number; deviceId?: string } = {},
): Mutation {
  return {
    mutationId: newId(),
    deviceId: options.deviceId ?? 'device-test-1',
    entity,
    recordId,
    op,
    fields,
    baseVersion: options.baseVersion ?? 0,
    clientTime: new Date().toISOString(),
  };
}

/** A create of a minimal valid citizen. */
export function newCitizen(fields: Record<string, unknown> = {}, deviceId?: string): Mutation {
  return mutation(
    'citizen',
    'create',
    newId(),
    { firstName: 'Testborger', ...fields },
    deviceId ? { deviceId } : {},
  );
}

/** A new draft note by mette about `citizenId`, written now; `fields` override the defaults. */
export function newNote(
  citizenId: string,
  fields: Record<string, unknown> = {},
  deviceId?: string,
): Mutation {
  return mutation(
    'note',
    'create',
    newId(),
    {
      citizenId,
      occurredAt: new Date().toISOString(),
      category: 'samtale',
      body: 'Samtale',
      status: 'draft',
      authorId: 'mette',
      ...fields,
    },
    deviceId ? { deviceId } : {},
  );
}

export interface LoginResult {
  token: string;
  deviceId: string;
  deviceSecret: string;
  user: { id: string; teamId: string; role: string; teams: { id: string; name: string }[] };
}

/** Signs in on a given device (or lets the server make one) and returns the whole answer. */
export async function loginOn(
  app: FastifyInstance,
  username: string,
  deviceId?: string,
  password = 'demo',
): Promise<LoginResult> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: PROTOCOL_HEADERS,
    payload: deviceId ? { username, password, deviceId } : { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
  return res.json<LoginResult>();
}

/** One pull with the opaque cursor (undefined: from the beginning). */
export async function pullCursor(
  app: FastifyInstance,
  token: string,
  cursor?: string,
  limit = 1000,
): Promise<PullResponse & { statusCode: number }> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (cursor !== undefined) query.set('cursor', cursor);
  const res = await app.inject({
    method: 'GET',
    url: `/api/sync/pull?${query.toString()}`,
    headers: authHeaders(token),
  });
  return { ...res.json<PullResponse>(), statusCode: res.statusCode };
}

/** Pulls with the cursor until no more; returns the changes, final cursor and evicted teams. */
export async function pullAllCursor(app: FastifyInstance, token: string, from?: string) {
  const changes: PullResponse['changes'] = [];
  const evictTeams: string[] = [];
  let cursor = from;
  for (;;) {
    const page = await pullCursor(app, token, cursor, 500);
    if (page.statusCode !== 200) throw new Error(`pull failed ${page.statusCode}`);
    changes.push(...page.changes);
    evictTeams.push(...(page.evictTeams ?? []));
    cursor = page.nextCursor;
    if (!page.hasMore) return { changes, cursor, evictTeams };
  }
}

/** The change-log entries of one record, oldest first, as stored. */
export function changesOf(database: Database, recordId: string) {
  return database.db
    .selectFrom('changes')
    .selectAll()
    .where('record_id', '=', recordId)
    .orderBy('seq')
    .execute();
}
