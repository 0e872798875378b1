import {
  countRecords,
  db,
  onLock,
  readByIds,
  readChunks,
  watchRecords,
  type RecordChange,
} from '../../db';
import type { Citizen, Note } from '../../domain';
import { inSlices } from '../../sync/inSlices';
import { SearchIndex } from './searchIndex';

const CITIZEN_CHUNK = 500;
const NOTE_CHUNK = 1_000;

export type SearchProgress =
  { status: 'idle' } | { status: 'building'; done: number; total: number } | { status: 'ready' };

interface Snapshot {
  index: SearchIndex | null;
  progress: SearchProgress;
  /** Bumped whenever the index changed, so screens search again. */
  version: number;
}

let snapshot: Snapshot = { index: null, progress: { status: 'idle' }, version: 0 };
const listeners = new Set<() => void>();

function publish(next: Partial<Snapshot>): void {
  snapshot = { ...snapshot, ...next, version: snapshot.version + 1 };
  for (const listener of [...listeners]) listener();
}

export const searchState = {
  get: (): Snapshot => snapshot,
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/**
 * Builds the search index of the unlocked store in the background — citizens first (the list
 * works as soon as they are in), then notes — in chunks by primary key, unsealing chunk by chunk
 * and yielding between them, then follows every change (this tab or another). Reads, builds and
 * updates run one at a time so an older read never overwrites a newer one. The index holds
 * decrypted text: it is dropped when the store locks or this is stopped.
 */
export function startSearchIndex(): () => void {
  const index = new SearchIndex();
  const database = db;
  let stopped = false;
  let queue: Promise<void> = Promise.resolve();
  const run = (step: () => Promise<void>) => {
    queue = queue.then(() => (stopped ? undefined : step()));
    return queue;
  };

  async function build(): Promise<void> {
    const total =
      (await countRecords('citizens', database)) + (await countRecords('notes', database));
    let done = 0;
    publish({ index, progress: { status: 'building', done, total } });
    for (const [table, size] of [
      ['citizens', CITIZEN_CHUNK],
      ['notes', NOTE_CHUNK],
    ] as const) {
      const chunks = readChunks<Citizen | Note>(table, size, database);
      for (;;) {
        let finished = false;
        await run(async () => {
          const next = await chunks.next();
          if (next.done) {
            finished = true;
            return;
          }
          if (table === 'citizens')
            await inSlices(next.value as Citizen[], (some) => index.putCitizens(some));
          else await inSlices(next.value as Note[], (some) => index.putNotes(some));
          done += next.value.length;
          publish({ progress: { status: 'building', done: Math.min(done, total), total } });
        });
        if (finished || stopped) break;
      }
    }
    if (!stopped) publish({ progress: { status: 'ready' } });
  }

  async function apply(change: RecordChange): Promise<void> {
    if ('all' in change) {
      stop();
      startAgain();
      return;
    }
    const found = await readByIds<Citizen | Note>(change.table, change.ids, database);
    const present = new Set(found.map((r) => r.id));
    // A pulled page is hundreds of records: indexed in slices, so typing meanwhile stays fluid.
    if (change.table === 'citizens') {
      await inSlices(found as Citizen[], (some) => index.putCitizens(some));
      for (const id of change.ids) if (!present.has(id)) index.removeCitizen(id);
    } else {
      await inSlices(found as Note[], (some) => index.putNotes(some));
      for (const id of change.ids) if (!present.has(id)) index.removeNote(id);
    }
    publish({});
  }

  const unwatch = watchRecords(database, ['citizens', 'notes'], (change) => {
    run(() => apply(change)).catch((error: unknown) =>
      console.warn('Updating the search index failed', error),
    );
  });
  function stop(): void {
    if (stopped) return;
    stopped = true;
    unwatch();
    offLock();
    if (snapshot.index === index) publish({ index: null, progress: { status: 'idle' } });
  }
  let restart: (() => void) | null = null;
  function startAgain(): void {
    restart = startSearchIndex();
  }
  const offLock = onLock(stop);
  build().catch((error: unknown) => console.warn('Building the search index failed', error));
  return () => {
    stop();
    restart?.();
  };
}
