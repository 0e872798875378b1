/**
 * The server's merge rules, as pure functions (docs/architecture.md, invariant 3). The server applies
 * mutations one at a time in its own order; given the same order every replica ends in the same
 * state, whatever the devices' clocks said.
 *
 * - create: a new record at version 1; a create for an id that exists is treated as an update based
 *   on version 0 (a retried create from another device must not clobber later edits).
 * - update: merged per field against the base version. A field nobody changed since the base takes
 *   the new value; a field someone else changed since the base keeps the value that came first in
 *   server order, and the losing value is kept in the record's `conflicts` until settled.
 * - final journal notes are immutable: a different write to one creates a second note that points
 *   to the first (`conflictOfNoteId`), so both are kept.
 * - delete: a tombstone; a delete based on an outdated version keeps the record (the edit stays
 *   visible) and records a conflict; an update of a deleted record restores it, likewise visible.
 */
import type { FieldConflict } from './common';
import { MAX_CONFLICTS_PER_RECORD, SERVER_OWNED_FIELDS } from './common';
import { ENTITIES, type EntityName } from './entities';
import { APPEND_ONLY_ENTITIES } from './handoverMark';
import { jsonEqual } from './stableJson';

export type RecordData = Record<string, unknown> & { id: string; version: number };

/**
 * A device always knows its own earlier writes (its outbox is sent in order), so only a change by
 * another device since the base version is a clash.
 */
export interface FieldStamp {
  version: number;
  deviceId: string;
  /**
   * Who changed the field and when (server time), so a later clash can say who wrote the value
   * that was kept. Only an update stamps them: at creation they are the record's createdBy and
   * createdAt, so a create's stamps stay small.
   */
  userId?: string;
  at?: string;
}

export interface StoredRecord {
  entity: EntityName;
  id: string;
  teamId: string;
  version: number;
  deleted: boolean;
  data: RecordData;
  /** For each field, the record version at which it last changed and the device that changed it. */
  fieldVersions: Record<string, FieldStamp>;
}

export interface MutationInput {
  mutationId: string;
  deviceId: string;
  entity: EntityName;
  recordId: string;
  op: 'create' | 'update' | 'delete';
  fields: Record<string, unknown>;
  baseVersion: number;
  resolvesConflicts?: string[] | undefined;
}

export interface MergeContext {
  userId: string;
  /**
   * The team the record belongs to: for a new record the team it is created in (the server
   * decides it from the user's teams, `mutation.teamId` and the citizen it names, see
   * server/syncApi/pushScope.ts; `shared` for locations and schedule slots); for an existing one
   * it must equal the stored team, or the mutation is refused as forbidden (defence in depth: the
   * server checks the user's teams before calling the merge).
   */
  teamId: string;
  /** Server time, ISO. */
  now: string;
  /** Makes ids for conflict entries and for the second note of a final-note clash. */
  newId: () => string;
}

export type RejectCode =
  | 'invalid-fields'
  | 'unknown-record'
  | 'server-owned-field'
  | 'note-final-immutable'
  | 'forbidden'
  | 'too-many-conflicts'
  /** Decided by the server's push, never by the merge rules: the record was erased. */
  | 'record-erased';

export type MergeOutcome =
  | { kind: 'applied'; record: StoredRecord | null; changed: boolean }
  | {
      kind: 'conflict';
      record: StoredRecord;
      /** Another record the rule created (a final note's second version). */
      extra?: StoredRecord;
      conflictKind: FieldConflict['kind'] | 'final-note-changed';
      conflicts: FieldConflict[];
    }
  | { kind: 'rejected'; code: RejectCode; message: string; issues?: unknown[] };

const SERVER_OWNED = new Set<string>(SERVER_OWNED_FIELDS);

/** Who wrote a field's current value and when, as far as the record knows. */
function writerOf(
  current: StoredRecord,
  field: string,
): { winningUserId?: string; winningAt?: string } {
  const stamp = current.fieldVersions[field];
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const [userId, at] =
    stamp?.userId !== undefined
      ? [stamp.userId, stamp.at]
      : stamp?.version === 1
        ? [text(current.data.createdBy), text(current.data.createdAt)]
        : stamp?.version === current.version
          ? [text(current.data.updatedBy), text(current.data.updatedAt)]
          : [undefined, undefined];
  return {
    ...(userId !== undefined && { winningUserId: userId }),
    ...(at !== undefined && { winningAt: at }),
  };
}

function changedByOtherSince(stamp: FieldStamp | undefined, m: MutationInput): boolean {
  return stamp !== undefined && stamp.version > m.baseVersion && stamp.deviceId !== m.deviceId;
}

function reject(code: RejectCode, message: string, issues?: unknown[]): MergeOutcome {
  return issues ? { kind: 'rejected', code, message, issues } : { kind: 'rejected', code, message };
}

/**
 * A record holds at most MAX_CONFLICTS_PER_RECORD unsettled conflicts. Past that the mutation is
 * refused as a whole with its own code, never stored with a losing value dropped: the refused
 * mutation stays on the device ("Til behandling") and in rejected_mutations, and goes through
 * once the record's conflicts are settled.
 */
function tooManyConflicts(kept: number, added: number): MergeOutcome | null {
  if (added === 0 || kept + added <= MAX_CONFLICTS_PER_RECORD) return null;
  return reject(
    'too-many-conflicts',
    `The record already has ${kept} unsettled conflicts; settle them before sending this change`,
  );
}

/** Validates a whole record against its entity schema; returns the parsed record or the issues. */
function validate(
  entity: EntityName,
  data: Record<string, unknown>,
): { ok: true; data: RecordData } | { ok: false; issues: unknown[] } {
  const parsed = ENTITIES[entity].record.safeParse(data);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues };
  return { ok: true, data: parsed.data };
}

function create(m: MutationInput, ctx: MergeContext): MergeOutcome {
  const data = {
    ...m.fields,
    id: m.recordId,
    teamId: ctx.teamId,
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    createdBy: ctx.userId,
    updatedBy: ctx.userId,
    conflicts: [],
  };
  const checked = validate(m.entity, data);
  if (!checked.ok)
    return reject('invalid-fields', 'The record does not match its schema', checked.issues);
  const fieldVersions: Record<string, FieldStamp> = {};
  for (const f of ENTITIES[m.entity].fieldNames)
    fieldVersions[f] = { version: 1, deviceId: m.deviceId };
  return {
    kind: 'applied',
    changed: true,
    record: {
      entity: m.entity,
      id: m.recordId,
      teamId: ctx.teamId,
      version: 1,
      deleted: false,
      data: checked.data,
      fieldVersions,
    },
  };
}

function finalNoteClash(current: StoredRecord, m: MutationInput, ctx: MergeContext): MergeOutcome {
  const changes = Object.entries(m.fields).some(([f, v]) => !jsonEqual(current.data[f], v));
  if (!changes) return { kind: 'applied', record: current, changed: false };
  const secondId = ctx.newId();
  const second = create(
    {
      ...m,
      op: 'create',
      recordId: secondId,
      fields: {
        ...Object.fromEntries(ENTITIES.note.fieldNames.map((f) => [f, current.data[f]] as const)),
        ...m.fields,
        conflictOfNoteId: current.id,
      },
    },
    ctx,
  );
  if (second.kind !== 'applied' || !second.record) return second;
  return {
    kind: 'conflict',
    record: current,
    extra: second.record,
    conflictKind: 'final-note-changed',
    conflicts: [],
  };
}

function update(current: StoredRecord, m: MutationInput, ctx: MergeContext): MergeOutcome {
  if (m.entity === 'note' && current.data.status === 'final')
    return finalNoteClash(current, m, ctx);

  const data: Record<string, unknown> = { ...current.data };
  const fieldVersions = { ...current.fieldVersions };
  const newVersion = current.version + 1;
  const conflicts: FieldConflict[] = [];
  const changedFields: string[] = [];
  let conflictsChanged = false;

  if (current.deleted) {
    conflicts.push({
      id: ctx.newId(),
      field: '*',
      losingValue: 'deleted',
      winningValue: 'edited',
      losingUserId: typeof current.data.updatedBy === 'string' ? current.data.updatedBy : '',
      at: ctx.now,
      kind: 'edit-after-delete',
    });
  }
  for (const [field, raw] of Object.entries(m.fields)) {
    // On the wire, null clears an optional field.
    const value = raw === null ? undefined : raw;
    if (jsonEqual(data[field], value)) continue;
    if (changedByOtherSince(fieldVersions[field], m) && !current.deleted) {
      conflicts.push({
        id: ctx.newId(),
        field,
        losingValue: value,
        winningValue: data[field],
        ...writerOf(current, field),
        losingUserId: ctx.userId,
        losingDeviceId: m.deviceId,
        at: ctx.now,
        kind: 'field-clash',
      });
      continue;
    }
    if (value === undefined) delete data[field];
    else data[field] = value;
    fieldVersions[field] = {
      version: newVersion,
      deviceId: m.deviceId,
      userId: ctx.userId,
      at: ctx.now,
    };
    changedFields.push(field);
  }
  let kept = (current.data.conflicts as FieldConflict[] | undefined) ?? [];
  if (m.resolvesConflicts && m.resolvesConflicts.length > 0) {
    const settle = new Set(m.resolvesConflicts);
    const remaining = kept.filter((c) => !settle.has(c.id));
    conflictsChanged = remaining.length !== kept.length;
    kept = remaining;
  }
  if (changedFields.length === 0 && conflicts.length === 0 && !conflictsChanged) {
    return { kind: 'applied', record: current, changed: false };
  }
  const overflow = tooManyConflicts(kept.length, conflicts.length);
  if (overflow) return overflow;
  data.conflicts = [...kept, ...conflicts];
  data.version = newVersion;
  data.updatedAt = ctx.now;
  data.updatedBy = ctx.userId;
  const checked = validate(m.entity, data);
  if (!checked.ok)
    return reject('invalid-fields', 'The change does not match the schema', checked.issues);
  const record: StoredRecord = {
    ...current,
    version: newVersion,
    deleted: false,
    data: checked.data,
    fieldVersions,
  };
  if (conflicts.length === 0) return { kind: 'applied', record, changed: true };
  return {
    kind: 'conflict',
    record,
    conflictKind: current.deleted ? 'edit-after-delete' : 'field-clash',
    conflicts,
  };
}

function remove(
  current: StoredRecord | undefined,
  m: MutationInput,
  ctx: MergeContext,
): MergeOutcome {
  if (!current || current.deleted)
    return { kind: 'applied', record: current ?? null, changed: false };
  if (m.entity === 'note' && current.data.status === 'final') {
    return reject(
      'note-final-immutable',
      'A final journal note cannot be deleted; write a correction',
    );
  }
  const newVersion = current.version + 1;
  const editedByOther = Object.values(current.fieldVersions).some((s) => changedByOtherSince(s, m));
  if (editedByOther) {
    const conflict: FieldConflict = {
      id: ctx.newId(),
      field: '*',
      losingValue: 'deleted',
      winningValue: 'edited',
      losingUserId: ctx.userId,
      losingDeviceId: m.deviceId,
      at: ctx.now,
      kind: 'delete-after-edit',
    };
    const existing = (current.data.conflicts as FieldConflict[] | undefined) ?? [];
    const overflow = tooManyConflicts(existing.length, 1);
    if (overflow) return overflow;
    const data = {
      ...current.data,
      conflicts: [...existing, conflict],
      version: newVersion,
      updatedAt: ctx.now,
    };
    return {
      kind: 'conflict',
      record: { ...current, version: newVersion, data },
      conflictKind: 'delete-after-edit',
      conflicts: [conflict],
    };
  }
  return {
    kind: 'applied',
    changed: true,
    record: {
      ...current,
      version: newVersion,
      deleted: true,
      data: { ...current.data, version: newVersion, updatedAt: ctx.now, updatedBy: ctx.userId },
    },
  };
}

/** Applies one mutation to the server's current state of its record. Pure. */
export function applyMutation(
  current: StoredRecord | undefined,
  m: MutationInput,
  ctx: MergeContext,
): MergeOutcome {
  const owned = Object.keys(m.fields).filter((f) => SERVER_OWNED.has(f));
  if (owned.length > 0) {
    return reject('server-owned-field', `Fields owned by the server: ${owned.join(', ')}`);
  }
  const known = new Set(ENTITIES[m.entity].fieldNames);
  const unknown = Object.keys(m.fields).filter(
    (f) => !known.has(f) && f !== 'updatedAt' && f !== 'updatedBy',
  );
  if (unknown.length > 0) return reject('invalid-fields', `Unknown fields: ${unknown.join(', ')}`);
  const fields = Object.fromEntries(
    Object.entries(m.fields).filter(([f]) => f !== 'updatedAt' && f !== 'updatedBy'),
  );
  const mutation = { ...m, fields };
  if (current && current.teamId !== ctx.teamId)
    return reject('forbidden', 'Record belongs to another team');
  if (APPEND_ONLY_ENTITIES.has(m.entity) && current && m.op !== 'create')
    return reject(
      'note-final-immutable',
      'A handover mark is never changed or removed; add a mark that corrects it',
    );
  switch (m.op) {
    case 'create':
      return current
        ? update(current, { ...mutation, baseVersion: 0 }, ctx)
        : create(mutation, ctx);
    case 'update':
      return current ? update(current, mutation, ctx) : reject('unknown-record', 'No such record');
    case 'delete':
      return remove(current, mutation, ctx);
  }
}

/**
 * What a device shows while it still has changes the server has not acknowledged: the pulled
 * record with the pending fields laid over it, oldest first.
 */
export function rebasePending<T extends Record<string, unknown>>(
  pulled: T,
  pendingFieldSets: readonly Record<string, unknown>[],
): T {
  let result: Record<string, unknown> = { ...pulled };
  for (const fields of pendingFieldSets) result = { ...result, ...fields };
  return result as T;
}
