/**
 * Every touch point between the browser benchmark and the app's client code, in ONE file: the
 * local store (FremskudtDb, repositories), the sync engine (pull, push) and the search module.
 * When the client's store changes (sealed records, one database per unlocked user, an opaque pull
 * cursor), only this file changes; the scenarios in entry.ts call nothing else of the app.
 *
 * For the sealed, per-user store: `openFreshDevice` creates and unlocks the bench user's database
 * (user 'bench-a', password 'bench', as bench/node/serverAdapter.ts makes them) instead of
 * `new FremskudtDb(name)`, and `closeDevice` wipes it the app's way; the bare references (put,
 * bulkPut) stay bare plaintext writes, so the ratio shows what sealing costs; `setPullCursor`
 * stores the opaque cursor (scenario 5 builds it from the log's latest seq before the new writes)
 * and `fetchAllRecords` follows `nextCursor`; the device id comes from login.
 */
import type { Table } from 'dexie';
import { createNotesRepo, createSealer, FremskudtDb } from '../../src/db';
import { generateDataKey } from '../../src/db/vault/webCrypto';
import type { Citizen, Note, NoteInput } from '../../src/domain';
import { createApiClient, type ApiClient } from '../../src/sync/apiClient';
import { INITIAL_PULL_CURSOR, type PullResponse } from '../../src/protocol';
import { pullHeaders, pullPath } from '../shared/pullRequest';
import { SYNC_NEXT_CURSOR_KEY } from '../../src/sync/applyPulledPage';
import { inFlight } from '../../src/sync/inFlight';
import { pullChanges } from '../../src/sync/pullChanges';
import { pushOutbox } from '../../src/sync/pushOutbox';
import { SearchIndex } from '../../src/hooks/search/searchIndex';
import type { WriteContext } from '../../src/db/writeContext';

export type { Citizen, Note, NoteInput };

export interface Device {
  db: FremskudtDb;
  api: ApiClient;
  ctx: WriteContext;
}

/**
 * A fresh device: its database deleted and opened empty, sealed with a new data key as after an
 * unlock (every record written through the app is AES-GCM sealed), signed in with `token`.
 */
export async function openFreshDevice(name: string, token = ''): Promise<Device> {
  await FremskudtDb.delete(name);
  const db = new FremskudtDb(name, createSealer(await generateDataKey()));
  await db.open();
  const api = createApiClient({ baseUrl: '', token: () => token });
  return { db, api, ctx: { userId: 'bench-a', teamId: 'bench', deviceId: `bench-${name}` } };
}

export async function closeDevice(device: Device, remove = true): Promise<void> {
  device.db.close();
  if (remove) await FremskudtDb.delete(device.db.name);
}

/**
 * Scenario 1, ours: the app's note save (record + outbox in one transaction), as the note editor
 * calls it with the citizen on screen: the citizen's team passed along (the bench team).
 */
export function saveNote(device: Device, fields: NoteInput): Promise<Note> {
  return createNotesRepo(() => device.db).create(device.ctx, fields, undefined, {
    teamId: device.ctx.teamId,
  });
}

/** Scenario 1, reference: a bare Dexie put of the same record. */
export async function barePutNote(device: Device, note: Note): Promise<void> {
  await device.db.notes.put(note);
}

/**
 * Scenario 1, the floor: the same record and an outbox entry put bare (no validation, no
 * repository) in one transaction — what invariant 1 (record and outbox together) costs at least.
 */
export async function barePutNoteAndOutbox(device: Device, note: Note): Promise<void> {
  const { db } = device;
  await db.transaction('rw', [db.notes, db.outbox], async () => {
    await db.notes.put(note);
    await db.outbox.add({
      mutationId: note.id,
      deviceId: device.ctx.deviceId,
      entity: 'note',
      recordId: note.id,
      op: 'create',
      fields: {},
      baseVersion: 0,
      clientTime: note.createdAt,
      state: 'pending',
      attempts: 0,
    });
  });
}

/**
 * Scenario 1, beside: what sealing adds to a save: the record and an outbox entry sealed
 * concurrently with the device's data key (AES-GCM in WebCrypto), as the repository does before
 * its transaction; nothing is written.
 */
export async function sealNoteAndOutbox(device: Device, note: Note): Promise<void> {
  await Promise.all([
    device.db.seal('notes', note),
    device.db.seal('outbox', { mutationId: `${note.id}-m`, fields: note, state: 'pending' }),
  ]);
}

/** Scenarios 2 and 5: the sync engine's pull (HTTP, validation, IndexedDB writes) to the end. */
export async function pullEverything(device: Device): Promise<number> {
  // As the app runs it, in its pull worker (src/sync/workerPull.ts): each page in one go.
  const summary = await pullChanges(device.db, device.api, { inOneGo: true });
  return summary.changes;
}

/** Scenario 5: a device that already has everything up to `cursor`. */
export async function setPullCursor(device: Device, cursor: string): Promise<void> {
  await device.db.meta.put({ key: SYNC_NEXT_CURSOR_KEY, value: cursor });
}

/** The citizens and notes a pull page carries, appended to `into` (the bench data has no others). */
function splitRecords(
  changes: PullResponse['changes'],
  into: { citizens: Citizen[]; notes: Note[] } = { citizens: [], notes: [] },
): { citizens: Citizen[]; notes: Note[] } {
  for (const change of changes) {
    if (change.entity === 'citizen' && change.record) into.citizens.push(change.record as Citizen);
    if (change.entity === 'note' && change.record) into.notes.push(change.record as Note);
  }
  return into;
}

/** Scenario 2, setup of the reference: the same records, fetched once, held in memory. */
export async function fetchAllRecords(
  device: Device,
): Promise<{ citizens: Citizen[]; notes: Note[] }> {
  const citizens: Citizen[] = [];
  const notes: Note[] = [];
  let cursor = INITIAL_PULL_CURSOR;
  for (;;) {
    const page = await device.api.pull(1000, cursor);
    splitRecords(page.changes, { citizens, notes });
    cursor = page.nextCursor ?? cursor;
    if (!page.hasMore) return { citizens, notes };
  }
}

/** Scenario 2, reference: one bulkPut per table of records already in memory, one transaction. */
export async function bareBulkPut(
  device: Device,
  records: { citizens: Citizen[]; notes: Note[] },
): Promise<void> {
  const { db } = device;
  await db.transaction('rw', [db.citizens, db.notes], async () => {
    await db.citizens.bulkPut(records.citizens);
    await db.notes.bulkPut(records.notes);
  });
}

/**
 * Scenario 2, the floor of any paged pull: the same records bare, `chunk` per transaction (a
 * pull must commit each page with its cursor, so it can never be one transaction).
 */
export async function bareBulkPutChunked(
  device: Device,
  records: { citizens: Citizen[]; notes: Note[] },
  chunk: number,
): Promise<void> {
  const { db } = device;
  const chunks = async <T>(table: Table<T, string>, rows: readonly T[]) => {
    for (let start = 0; start < rows.length; start += chunk) {
      const slice = rows.slice(start, start + chunk);
      await db.transaction('rw', table, () => table.bulkPut(slice));
    }
  };
  await chunks(db.citizens, records.citizens);
  await chunks(db.notes, records.notes);
}

/**
 * Scenario 2, the floor over HTTP: the same pull requests as the app's (same page size and cursor,
 * the next page requested while one is written), each page's records put bare with its cursor,
 * one transaction per page; no validation, no sealing, no outbox check. From the app's server
 * (row 2h) or from the bench's replay of its pages (row 2s, bench/node/replayServer.ts).
 */
export async function bareHttpPull(token: string, device: Device): Promise<number> {
  const { db } = device;
  const get = (cursor: string) =>
    inFlight(
      fetch(pullPath(cursor), { headers: pullHeaders(token), cache: 'no-store' }).then(
        async (response) => {
          if (!response.ok) throw new Error(`pull: HTTP ${response.status}`);
          return (await response.json()) as PullResponse & { nextCursor: string };
        },
      ),
    );
  let records = 0;
  let request = get(INITIAL_PULL_CURSOR);
  for (;;) {
    const page = await request;
    const next = page.hasMore ? get(page.nextCursor) : null;
    const { citizens, notes } = splitRecords(page.changes);
    await db.transaction('rw', [db.citizens, db.notes, db.meta], async () => {
      if (citizens.length > 0) await db.citizens.bulkPut(citizens);
      if (notes.length > 0) await db.notes.bulkPut(notes);
      await db.meta.put({ key: SYNC_NEXT_CURSOR_KEY, value: page.nextCursor });
    });
    records += page.changes.length;
    if (!next) return records;
    request = next;
  }
}

/** Scenario 4: the sync engine's push of the whole pending outbox. */
export async function pushEverything(device: Device): Promise<number> {
  const summary = await pushOutbox(device.db, device.api, { deviceId: device.ctx.deviceId });
  return summary.applied + summary.conflicts;
}

/** Scenario 6: the app's search index (built after unlock) over these citizens and notes. */
export function buildSearch(
  citizens: readonly Citizen[],
  notes: readonly Note[] = [],
): Pick<SearchIndex, 'search'> {
  const index = new SearchIndex();
  index.putCitizens(citizens);
  index.putNotes(notes);
  return index;
}

/** Scenario 6p, reference: reading and unsealing a citizen's notes from IndexedDB, by index. */
export async function readNotesOfCitizen(device: Device, citizenId: string): Promise<Note[]> {
  const rows = await device.db.notes
    .where('[citizenId+occurredAt]')
    .between([citizenId, ''], [citizenId, '\uffff'])
    .toArray();
  return device.db.unsealAll<Note>('notes', rows);
}

/** Scenario 6p, ours: the same read, then the citizen's file as PDF as the citizen page makes it. */
export async function printCitizenFile(device: Device, citizen: Citizen): Promise<number> {
  const notes = await readNotesOfCitizen(device, citizen.id);
  const { citizenFilePdf, PRINT_SECTIONS } = await import('../../src/print/citizenFilePdf');
  const bytes = await citizenFilePdf(
    { citizen, cases: [], notes, contacts: [], followUps: [] },
    {
      printedBy: 'Bench',
      printedAt: new Date().toISOString(),
      sections: PRINT_SECTIONS,
      formatDate: (iso) => iso.slice(0, 16),
      labels: new Proxy({} as Parameters<typeof citizenFilePdf>[1]['labels'], {
        get: (_, key) => (key === 'page' ? 'Side {page} af {pages}' : String(key)),
      }),
    },
  );
  return bytes.length;
}
