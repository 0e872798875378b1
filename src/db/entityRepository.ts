import type { Table } from 'dexie';
import { ENTITIES, jsonEqual, newId, type EntityName } from '../domain';
import type { Mutation } from '../protocol';
import { db as defaultDb, type FremskudtDb, type OutboxEntry } from './database';
import { DbError, toDbError } from './errors';
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

function outboxEntry(
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
 * The write path every table shares: the record and its outbox mutation are written in ONE
 * IndexedDB transaction (invariant 1), so after a crash both are there or neither is.
 * Works offline; nothing here touches the network.
 */
export function entityRepository<T extends SyncedRecord, F extends object>(
  entity: EntityName,
  table: (db: FremskudtDb) => Table<T, string>,
  database: () => FremskudtDb = () => defaultDb,
) {
  const def = ENTITIES[entity];

  function parseFields(fields: unknown): Record<string, unknown> {
    const parsed = def.fields.safeParse(fields);
    if (!parsed.success) {
      throw new DbError('invalid-fields', `Invalid ${entity}`, parsed.error.issues);
    }
    return parsed.data;
  }

  async function write<R>(fn: (db: FremskudtDb, t: Table<T, string>) => Promise<R>): Promise<R> {
    const db = database();
    const t = table(db);
    try {
      return await db.transaction('rw', [t, db.outbox], () => fn(db, t));
    } catch (error) {
      throw toDbError(error);
    }
  }

  return {
    entity,

    get: (id: string): Promise<T | undefined> => table(database()).get(id),

    /** Creates a record with a client-generated id (UUIDv7) and queues its create mutation. */
    create: async (ctx: WriteContext, fields: F, id: string = newId()): Promise<T> => {
      const clean = parseFields(fields);
      const at = nowIso(ctx);
      const record = {
        ...clean,
        id,
        teamId: ctx.teamId,
        version: 0,
        createdAt: at,
        updatedAt: at,
        createdBy: ctx.userId,
        updatedBy: ctx.userId,
        conflicts: [],
      } as unknown as T;
      return write(async (db, t) => {
        await t.add(record);
        await db.outbox.add(outboxEntry(ctx, entity, id, 'create', clean, 0));
        return record;
      });
    },

    /**
     * Changes some fields and queues one update mutation with only the fields that changed, based
     * on the version this device last had from the server. `guard` may refuse the change.
     */
    update: async (
      ctx: WriteContext,
      id: string,
      patch: Partial<F>,
      options: { guard?: (current: T) => DbError | null; resolvesConflicts?: string[] } = {},
    ): Promise<T> => {
      return write(async (db, t) => {
        const current = await t.get(id);
        if (!current) throw new DbError('not-found', `No ${entity} ${id}`);
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
        await t.put(next);
        const entry = outboxEntry(ctx, entity, id, 'update', changed, current.version);
        if (resolves.length > 0) entry.resolvesConflicts = resolves;
        await db.outbox.add(entry);
        return next;
      });
    },

    /** Deletes locally and queues a delete (a tombstone on the server). */
    remove: async (
      ctx: WriteContext,
      id: string,
      guard?: (current: T) => DbError | null,
    ): Promise<void> => {
      await write(async (db, t) => {
        const current = await t.get(id);
        if (!current) throw new DbError('not-found', `No ${entity} ${id}`);
        const refusal = guard?.(current);
        if (refusal) throw refusal;
        await t.delete(id);
        await db.outbox.add(outboxEntry(ctx, entity, id, 'delete', {}, current.version));
      });
    },
  };
}

export type EntityRepository<T extends SyncedRecord, F extends object> = ReturnType<
  typeof entityRepository<T, F>
>;
