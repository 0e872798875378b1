import { checkNoteUpdate, type EntityName, type FieldConflict } from '../domain';
import {
  DbError,
  db as appDb,
  entityRepository,
  type FremskudtDb,
  type SyncedRecord,
  type WriteContext,
} from '../db';

export type ConflictChoice = 'keep' | 'use-other' | 'delete';

type AnyRecord = SyncedRecord & Record<string, unknown>;

function repositoryFor(entity: EntityName, db: FremskudtDb) {
  return entityRepository<AnyRecord, Record<string, unknown>>(entity, () => db);
}

/** A final journal note stays immutable, also when settling a conflict (notatpligt). */
const guardFor = (entity: EntityName) => (current: AnyRecord) =>
  entity === 'note' && checkNoteUpdate({ status: current.status === 'final' ? 'final' : 'draft' })
    ? new DbError('note-final-immutable', 'A final journal note cannot be changed')
    : null;

/**
 * Settles one conflict the server kept visible, through the entity's repository so the decision
 * is itself an ordinary change (record + outbox mutation in one transaction, works offline):
 * - keep: the current value stays; the mutation only marks the conflict settled;
 * - use-other: the losing value becomes the value, and the conflict is settled;
 * - delete: for edit/delete clashes, the record is deleted after all.
 */
export async function settleConflict(
  ctx: WriteContext,
  entity: EntityName,
  recordId: string,
  conflict: FieldConflict,
  choice: ConflictChoice,
  db: FremskudtDb = appDb,
): Promise<void> {
  const repo = repositoryFor(entity, db);
  const guard = guardFor(entity);
  if (choice === 'delete') {
    await repo.remove(ctx, recordId, guard);
    return;
  }
  const patch: Record<string, unknown> =
    choice === 'use-other' && conflict.field !== '*'
      ? { [conflict.field]: conflict.losingValue }
      : {};
  await repo.update(ctx, recordId, patch, { guard, resolvesConflicts: [conflict.id] });
}
