/**
 * Measured prototypes of changes the bench proposes but does not make in src/ (the client's store
 * and sync code are being rewritten on another branch): each does what the app's function does,
 * with one structural change, so `npm run bench` can show what the change is worth. They go
 * through appAdapter.ts like everything else. Delete a prototype once its change is in src/.
 */
import {
  ENTITIES,
  newId,
  type Device,
  type Note,
  type NoteInput,
  type OutboxEntry,
} from './appAdapter';

/**
 * Proposal D (scenario 1): the repository's create with the record's add and the outbox add
 * issued together (Promise.all) instead of one after the other: the same transaction, one round
 * trip to the storage process fewer.
 */
export async function saveNoteTogether(device: Device, fields: NoteInput): Promise<Note> {
  const parsed = ENTITIES.note.fields.safeParse(fields);
  if (!parsed.success) throw new Error('invalid note');
  const { ctx, db } = device;
  const at = new Date().toISOString();
  const id = newId();
  const record = {
    ...parsed.data,
    id,
    teamId: ctx.teamId,
    version: 0,
    createdAt: at,
    updatedAt: at,
    createdBy: ctx.userId,
    updatedBy: ctx.userId,
    conflicts: [],
  } satisfies Note;
  const entry: OutboxEntry = {
    mutationId: newId(),
    deviceId: ctx.deviceId,
    entity: 'note',
    recordId: id,
    op: 'create',
    fields: parsed.data,
    baseVersion: 0,
    clientTime: at,
    state: 'pending',
    attempts: 0,
  };
  await db.transaction('rw', [db.notes, db.outbox], () =>
    Promise.all([db.notes.add(record), db.outbox.add({ ...entry })]),
  );
  return record;
}
