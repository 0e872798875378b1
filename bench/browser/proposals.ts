/**
 * Measured prototypes of changes the bench proposes but does not make in src/ (the client's store
 * and sync code are being rewritten on another branch): each does what the app's function does,
 * with one structural change, so `npm run bench` can show what the change is worth. They go
 * through appAdapter.ts like everything else. Delete a prototype once its change is in src/.
 */
import MiniSearch from 'minisearch';
import {
  ENTITIES,
  MAX_PUSH_BYTES,
  newId,
  nextBatch,
  SERVER_MAX_MUTATIONS,
  TABLE_OF,
  toMutation,
  type Device,
  type Note,
  type NoteInput,
  type OutboxEntry,
} from './appAdapter';

type LocalRecord = Record<string, unknown> & { id: string; version: number };

/**
 * Proposal C (scenario 4): pushOutbox's answer handling in bulk — one bulkDelete of the
 * acknowledged entries, one bulkGet and bulkPut of the local versions — and batches of the
 * server's maximum (200) instead of 100. Rejected entries are handled as the app does.
 */
export async function pushBatched(device: Device): Promise<number> {
  const { db } = device;
  let acknowledged = 0;
  for (;;) {
    const batch = await nextBatch(db, SERVER_MAX_MUTATIONS, MAX_PUSH_BYTES);
    if (batch.entries.length === 0) return acknowledged;
    const { results } = await device.api.push({
      deviceId: device.ctx.deviceId,
      mutations: batch.entries.map(toMutation),
    });
    const byId = new Map(results.map((r) => [r.mutationId, r] as const));
    const tables = [...new Set(batch.entries.map((e) => TABLE_OF[e.entity]))];
    await db.transaction('rw', [db.outbox, ...tables.map((t) => db.table(t))], async () => {
      const done: number[] = [];
      const applied = new Map<string, { id: string; version: number }[]>();
      for (const entry of batch.entries) {
        const result = byId.get(entry.mutationId);
        if (!result || entry.seq === undefined) continue;
        if (result.status === 'rejected') {
          await db.outbox.update(entry.seq, { state: 'rejected', attempts: entry.attempts + 1 });
          continue;
        }
        done.push(entry.seq);
        if (result.status === 'applied') {
          const table = TABLE_OF[entry.entity];
          applied.set(table, [
            ...(applied.get(table) ?? []),
            { id: entry.recordId, version: result.version },
          ]);
        }
      }
      await db.outbox.bulkDelete(done);
      acknowledged += done.length;
      for (const [table, answers] of applied) {
        const t = db.table<LocalRecord, string>(table);
        const locals = await t.bulkGet(answers.map((a) => a.id));
        const updated = locals.flatMap((local, i) => {
          const answer = answers[i];
          return local && answer && answer.version === local.version + 1
            ? [{ ...local, version: answer.version }]
            : [];
        });
        await t.bulkPut(updated);
      }
    });
  }
}

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

/**
 * Proposal E (scenario 6): the app searches citizens only; this is what searching the text of
 * every journal note on the device would cost with the same library (MiniSearch), prefix search
 * on the note body, the citizen's id stored to show whose note matched.
 */
export function buildNoteTextSearch(
  notes: readonly { id: string; citizenId: string; body: string }[],
) {
  const index = new MiniSearch<{ id: string; citizenId: string; body: string }>({
    fields: ['body'],
    storeFields: ['citizenId'],
  });
  index.addAll(notes);
  return (query: string) => index.search(query, { prefix: true, combineWith: 'AND' }).length;
}
