/**
 * The browser half of `npm run bench`: scenario functions on `window.bench`, called by the Node
 * orchestrator through playwright. Timing happens here, in the page, with performance.now(), so
 * the DevTools round trips are not measured. Reference and ours alternate inside each function.
 */
import {
  bareBulkPutChunked,
  bareHttpPull,
  barePutNote,
  barePutNoteAndOutbox,
  bareBulkPut,
  buildSearch,
  closeDevice,
  fetchAllRecords,
  openFreshDevice,
  pullEverything,
  printCitizenFile,
  pushEverything,
  readNotesOfCitizen,
  saveNote,
  sealNoteAndOutbox,
  setPullCursor,
  type Citizen,
  type Note,
} from './appAdapter';
import {
  benchId,
  citizenFields,
  CITIZEN_KIND,
  NOTE_KIND,
  NOTE_SEARCH_TYPING,
  noteFields,
  SEARCH_TYPING,
} from '../shared/generate';

const now = () => performance.now();

/** Note number `index`, about one of the first `citizens` citizens of the bench team. */
function noteInput(index: number, citizens = 1000) {
  return noteFields(index, citizens, 'bench-a');
}

/** Scenario 1: `pairs` saves and `pairs` bare puts, alternating which goes first. */
async function saveNotes(
  pairs: number,
): Promise<{ ours: number[]; reference: number[]; floor: number[]; seal: number[] }> {
  const device = await openFreshDevice('s1');
  const ours: number[] = [];
  const reference: number[] = [];
  const floor: number[] = [];
  const seal: number[] = [];
  const runSeal = async (note: Note) => {
    const t0 = now();
    await sealNoteAndOutbox(device, note);
    seal.push(now() - t0);
  };
  const runFloor = async (note: Note) => {
    const copy = { ...note, id: benchId(8, floor.length) };
    const t0 = now();
    await barePutNoteAndOutbox(device, copy);
    floor.push(now() - t0);
  };
  const runOurs = async (i: number) => {
    const t0 = now();
    const note = await saveNote(device, noteInput(i));
    ours.push(now() - t0);
    return note;
  };
  const runReference = async (note: Note) => {
    const copy = { ...note, id: benchId(9, ours.length + reference.length) };
    const t0 = now();
    await barePutNote(device, copy);
    reference.push(now() - t0);
  };
  // Warm up both paths (JIT, the first transaction opens the database's files).
  for (let i = 0; i < 20; i++) await runReference(await saveNote(device, noteInput(i)));
  ours.length = 0;
  reference.length = 0;
  for (let i = 0; i < pairs; i++) {
    if (i % 2 === 0) {
      const note = await runOurs(i);
      await runReference(note);
      await runFloor(note);
      await runSeal(note);
    } else {
      const template = await saveNote(device, noteInput(i));
      await runSeal(template);
      await runFloor(template);
      await runReference(template);
      await runOurs(i);
    }
  }
  await closeDevice(device);
  return { ours, reference, floor, seal };
}

let inMemory: { citizens: Citizen[]; notes: Note[] } | undefined;

/** Scenario 2, setup: the caseload fetched once into memory for the reference. */
async function loadCaseload(token: string): Promise<number> {
  const device = await openFreshDevice('s2-fetch', token);
  inMemory = await fetchAllRecords(device);
  await closeDevice(device);
  return inMemory.citizens.length + inMemory.notes.length;
}

/** Scenario 2, ours: a fresh device's first sync with the app's pull. */
async function firstSync(token: string): Promise<{ ms: number; records: number }> {
  const device = await openFreshDevice('s2', token);
  const t0 = now();
  const records = await pullEverything(device);
  const ms = now() - t0;
  await closeDevice(device);
  return { ms, records };
}

/** Scenario 2, reference: the same records into a fresh database with one bulkPut. */
async function bulkPutReference(): Promise<{ ms: number; records: number }> {
  if (!inMemory) throw new Error('loadCaseload first');
  const device = await openFreshDevice('s2-ref');
  const t0 = now();
  await bareBulkPut(device, inMemory);
  const ms = now() - t0;
  await closeDevice(device);
  return { ms, records: inMemory.citizens.length + inMemory.notes.length };
}

/** Scenario 2, floor: the same records bare, 1,000 per transaction (the largest pull page). */
async function bulkPutChunkedFloor(): Promise<{ ms: number; records: number }> {
  if (!inMemory) throw new Error('loadCaseload first');
  const device = await openFreshDevice('s2-floor');
  const t0 = now();
  await bareBulkPutChunked(device, inMemory, 1000);
  const ms = now() - t0;
  await closeDevice(device);
  return { ms, records: inMemory.citizens.length + inMemory.notes.length };
}

/** Scenario 2, floor over HTTP: the same pull pages stored bare (appAdapter.bareHttpPull). */
async function httpPullFloor(token: string): Promise<{ ms: number; records: number }> {
  const device = await openFreshDevice('s2-http', token);
  const t0 = now();
  const records = await bareHttpPull(token, device);
  const ms = now() - t0;
  await closeDevice(device);
  return { ms, records };
}

/** Scenario 4: `count` notes saved offline (untimed), then the whole outbox pushed (timed). */
async function pushQueued(token: string, count: number, seed: number, citizens: number) {
  const device = await openFreshDevice('s4', token);
  // The server accepts a note only about an existing citizen of the writer's team.
  for (let i = 0; i < count; i++) await saveNote(device, noteInput(seed + i, citizens));
  const t0 = now();
  const acknowledged = await pushEverything(device);
  const ms = now() - t0;
  await closeDevice(device);
  return { ms, acknowledged };
}

/** Scenario 5: a device that is up to date until `cursor` pulls what came after. */
async function incrementalPull(token: string, cursor: string) {
  const device = await openFreshDevice('s5', token);
  await setPullCursor(device, cursor);
  const t0 = now();
  const changes = await pullEverything(device);
  const ms = now() - t0;
  await closeDevice(device);
  return { ms, changes };
}

/**
 * Scenario 6: the app's search index (as built after unlock) over `count` citizens and
 * `noteCount` notes about them, then every keystroke of names, aliases, CPR and phone digits and
 * words from note text.
 */
function searchKeystrokes(count: number, noteCount: number) {
  const at = new Date().toISOString();
  const meta = (id: string) => ({
    id,
    teamId: 'bench',
    version: 1,
    createdAt: at,
    updatedAt: at,
    createdBy: 'bench-a',
    updatedBy: 'bench-a',
    conflicts: [],
  });
  const citizens: Citizen[] = Array.from({ length: count }, (_, i) => ({
    ...citizenFields(i),
    usualLocationIds: [],
    consents: [],
    ...meta(benchId(CITIZEN_KIND, i)),
  }));
  const notes: Note[] = Array.from({ length: noteCount }, (_, i) => ({
    ...noteFields(i, count, 'bench-a'),
    ...meta(benchId(NOTE_KIND, i)),
  }));
  const t0 = now();
  const search = buildSearch(citizens, notes);
  const buildMs = now() - t0;
  const keystrokes: number[] = [];
  let hits = 0;
  for (let round = 0; round < 3; round++) {
    for (const phrase of [...SEARCH_TYPING, ...NOTE_SEARCH_TYPING]) {
      for (let n = 1; n <= phrase.length; n++) {
        const t1 = now();
        hits += search.search(phrase.slice(0, n)).length;
        keystrokes.push(now() - t1);
      }
    }
  }
  return { buildMs, keystrokes, hits };
}

/**
 * Scenario 6p: a citizen with `noteCount` final notes (saved untimed); then, alternating, the
 * notes read from IndexedDB (reference) and the same read plus the whole file as PDF (ours).
 */
async function printCitizen(noteCount: number, reps: number) {
  const device = await openFreshDevice('s6p');
  const at = new Date().toISOString();
  const citizen: Citizen = {
    ...citizenFields(0),
    usualLocationIds: [],
    consents: [],
    id: benchId(CITIZEN_KIND, 0),
    teamId: 'bench',
    version: 1,
    createdAt: at,
    updatedAt: at,
    createdBy: 'bench-a',
    updatedBy: 'bench-a',
    conflicts: [],
  };
  for (let i = 0; i < noteCount; i++)
    await saveNote(device, { ...noteFields(i, 1, 'bench-a'), status: 'final' });
  const ours: number[] = [];
  const reference: number[] = [];
  let bytes = 0;
  // Warm-up: loads the PDF library's chunk (a dynamic import, as in the app) and the JIT.
  await printCitizenFile(device, citizen);
  for (let rep = 0; rep < reps; rep++) {
    const t0 = now();
    const read = await readNotesOfCitizen(device, citizen.id);
    reference.push(now() - t0);
    if (read.length !== noteCount) throw new Error(`read ${read.length} of ${noteCount} notes`);
    const t1 = now();
    bytes = await printCitizenFile(device, citizen);
    ours.push(now() - t1);
  }
  await closeDevice(device);
  return { ours, reference, bytes };
}

const bench = {
  printCitizen,
  bulkPutChunkedFloor,
  httpPullFloor,
  saveNotes,
  loadCaseload,
  firstSync,
  bulkPutReference,
  pushQueued,
  incrementalPull,
  searchKeystrokes,
};
export type BrowserBench = typeof bench;

declare global {
  interface Window {
    bench: BrowserBench;
  }
}
window.bench = bench;
