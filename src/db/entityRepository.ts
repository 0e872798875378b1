import {
  ENTITIES,
  jsonEqual,
  newId,
  SHARED_ENTITIES,
  SHARED_TEAM_ID,
  type EntityName,
} from '../domain';
import type { Mutation } from '../protocol';
import { TABLE_OF, db as currentDb, type FremskudtDb, type OutboxEntry } from './database';
import { DbError, toDbError } from './errors';
import { setClearField, type StoredRow } from './vault/rowCodec';
import { sameRow } from './vault/sameRow';
import { nowIso, type WriteContext } from './writeContext';

export interface SyncedRecord {
  id: string;
  version: number;
  teamId: string;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
}

/** A read-modify-write gives up after this many rounds of finding the record changed under it. */
export const MAX_WRITE_ATTEMPTS = 5;

export function outboxEntry(
  ctx: WriteContext,
  entity: EntityName,
  recordId: string,
  op: Mutation['op'],
  fields: Record<string, unknown>,
  baseVersion: number,
): OutboxEntry {
  return {
    mutationId: newId(),
    deviceId: ctx.deviceId,
    entity,
    recordId,
    op,
    fields,
    baseVersion,
    clientTime: nowIso(ctx),
    state: 'pending',
    attempts: 0,
  };
}

/**
 * Runs `attempt` until it succeeds or the record kept changing under it. Each attempt reads and
 * unseals outside any transaction, seals the result, then opens ONE transaction that re-checks
 * the row (`sameRow`) before writing; `'changed'` means the check failed and we go again.
 */
export async function retryWhileChanged<R>(
  what: string,
  attempt: () => Promise<R | 'changed'>,
): Promise<R> {
  for (let round = 0; round < MAX_WRITE_ATTEMPTS; round++) {
    const result = await attempt();
    if (result !== 'changed') return result;
  }
  throw new DbError('changed-concurrently', `${what} kept changing while it was being saved`);
}

/**
 * The write path every table shares: the record and its outbox mutation are written in ONE
 * IndexedDB transaction (invariant 1), so after a crash both are there or neither is. Both are
 * sealed before the transaction opens (WebCrypto would let it commit mid-way).
 * Works offline; nothing here touches the network.
 */
export function entityRepository<T extends SyncedRecord, F extends object>(
  entity: EntityName,
  database: () => FremskudtDb = () => currentDb,
) {
  const def = ENTITIES[entity];
  const tableName = TABLE_OF[entity];

  function parseFields(fields: unknown): Record<string, unknown> {
    const parsed = def.fields.safeParse(fields);
    if (!parsed.success) {
      throw new DbError('invalid-fields', `Invalid ${entity}`, parsed.error.issues);
    }
    return parsed.data;
  }

  /** `fn` in ONE transaction over the table and the outbox (and `also`, read inside it). */
  async function write<R>(
    db: FremskudtDb,
    fn: () => Promise<R>,
    also: readonly string[] = [],
  ): Promise<R> {
    try {
      const tables = [tableName, 'outbox', ...also].map((name) => db.table(name));
      return await db.transaction('rw', tables, fn);
    } catch (error) {
      throw toDbError(error);
    }
  }

  async function readCurrent(db: FremskudtDb, id: string) {
    const row = await db.table<StoredRow, string>(tableName).get(id);
    if (!row) throw new DbError('not-found', `No ${entity} ${id}`);
    return { row, current: await db.unseal<T>(tableName, row) };
  }

  /** The citizen whose team a new record takes, when it names one (none for a citizen). */
  function namedCitizen(clean: Record<string, unknown>): string | undefined {
    if (SHARED_ENTITIES.has(entity) || entity === 'citizen') return undefined;
    return typeof clean.citizenId === 'string' ? clean.citizenId : undefined;
  }

  /**
   * A location or schedule slot belongs to the whole municipality; a record naming a citizen to
   * the citizen's team (read from the clear index field, inside the write's transaction); anything
   * else to the user's default.
   */
  async function teamFor(db: FremskudtDb, ctx: WriteContext, citizenId: string | undefined) {
    if (SHARED_ENTITIES.has(entity)) return SHARED_TEAM_ID;
    if (citizenId !== undefined) {
      const citizen = await db.citizens.get(citizenId);
      if (typeof citizen?.teamId === 'string') return citizen.teamId;
    }
    return ctx.teamId;
  }

  return {
    entity,

    get: async (id: string): Promise<T | undefined> => {
      const db = database();
      return db.unseal<T>(tableName, await db.table<StoredRow, string>(tableName).get(id));
    },

    /**
     * Creates a record with a client-generated id (UUIDv7) and queues its create mutation, which
     * names the record's team: `options.teamId`, else the named citizen's, else the user's default.
     * A caller holding the citizen passes its team: looking it up costs a storage round trip.
     */
    create: async (
      ctx: WriteContext,
      fields: F,
      id: string = newId(),
      options: { teamId?: string } = {},
    ): Promise<T> => {
      const db = database();
      const clean = parseFields(fields);
      const at = nowIso(ctx);
      const stamps = {
        id,
        version: 0,
        createdAt: at,
        updatedAt: at,
        createdBy: ctx.userId,
        updatedBy: ctx.userId,
        conflicts: [],
      };
      // Both are sealed before the transaction (WebCrypto would let it commit mid-way); the team,
      // a clear field of both, is read inside it and set then: one transaction, no separate read.
      const [sealedRecord, sealedEntry] = await Promise.all([
        db.seal(tableName, { ...clean, ...stamps }),
        db.seal('outbox', outboxEntry(ctx, entity, id, 'create', clean, 0)),
      ]);
      const citizenId = options.teamId === undefined ? namedCitizen(clean) : undefined;
      return write(
        db,
        async () => {
          const teamId = options.teamId ?? (await teamFor(db, ctx, citizenId));
          // Issued together: one round trip to the browser's storage process instead of two.
          await Promise.all([
            db.table(tableName).add(setClearField(tableName, sealedRecord, 'teamId', teamId)),
            db.outbox.add(setClearField('outbox', sealedEntry, 'teamId', teamId)),
          ]);
          return { ...clean, ...stamps, teamId } as unknown as T;
        },
        citizenId === undefined ? [] : ['citizens'],
      );
    },

    /**
     * Changes some fields and queues one update mutation with only the fields that changed, based
     * on the version this device last had from the server. `guard` may refuse the change.
     */
    update: (
      ctx: WriteContext,
      id: string,
      patch: Partial<F>,
      options: { guard?: (current: T) => DbError | null; resolvesConflicts?: string[] } = {},
    ): Promise<T> =>
      retryWhileChanged(`${entity} ${id}`, async () => {
        const db = database();
        const { row, current } = await readCurrent(db, id);
        const refusal = options.guard?.(current);
        if (refusal) throw refusal;
        const candidate: Record<string, unknown> = { ...current, ...patch };
        const fieldNames = def.fieldNames;
        const fieldsOnly = Object.fromEntries(fieldNames.map((f) => [f, candidate[f]] as const));
        const clean = parseFields(
          Object.fromEntries(Object.entries(fieldsOnly).filter(([, v]) => v !== undefined)),
        );
        const changed: Record<string, unknown> = {};
        for (const f of fieldNames) {
          const before = (current as Record<string, unknown>)[f];
          if (!jsonEqual(before, clean[f])) changed[f] = clean[f] ?? null;
        }
        const resolves = options.resolvesConflicts ?? [];
        if (Object.keys(changed).length === 0 && resolves.length === 0) return current;
        const conflicts =
          ((current as Record<string, unknown>).conflicts as { id: string }[]) ?? [];
        const next = {
          ...current,
          ...clean,
          conflicts: conflicts.filter((c) => !resolves.includes(c.id)),
          updatedAt: nowIso(ctx),
          updatedBy: ctx.userId,
        } as T;
        // Fields cleared to undefined must really disappear from the stored record.
        for (const [f, v] of Object.entries(changed)) {
          if (v === null) delete (next as Record<string, unknown>)[f];
        }
        const entry = outboxEntry(ctx, entity, id, 'update', changed, current.version);
        if (resolves.length > 0) entry.resolvesConflicts = resolves;
        const [nextRow, outboxRow] = await Promise.all([
          db.seal(tableName, next),
          db.seal('outbox', entry),
        ]);
        return write(db, async () => {
          const now = await db.table<StoredRow, string>(tableName).get(id);
          if (!sameRow(now, row)) return 'changed' as const;
          await Promise.all([db.table(tableName).put(nextRow), db.outbox.add(outboxRow)]);
          return next;
        });
      }),

    /** Deletes locally and queues a delete (a tombstone on the server). */
    remove: (
      ctx: WriteContext,
      id: string,
      guard?: (current: T) => DbError | null,
    ): Promise<void> =>
      retryWhileChanged(`${entity} ${id}`, async () => {
        const db = database();
        const { row, current } = await readCurrent(db, id);
        const refusal = guard?.(current);
        if (refusal) throw refusal;
        const entry = outboxEntry(ctx, entity, id, 'delete', {}, current.version);
        const outboxRow = await db.seal('outbox', entry);
        return write(db, async () => {
          const now = await db.table<StoredRow, string>(tableName).get(id);
          if (!sameRow(now, row)) return 'changed' as const;
          await Promise.all([db.table(tableName).delete(id), db.outbox.add(outboxRow)]);
        });
      }),
  };
}

export type EntityRepository<T extends SyncedRecord, F extends object> = ReturnType<
  typeof entityRepository<T, F>
>;
