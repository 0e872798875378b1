import {
  countRecords,
  db,
  lastRecordId,
  onLock,
  readByIds,
  readChunks,
  watchRecords,
  type RecordChange,
} from '../../db';
import type { Citizen, Note } from '../../domain';
import { inSlices, yieldToMain } from '../../sync/inSlices';
import { SearchIndex } from './searchIndex';

const CITIZEN_CHUNK = 500;
const NOTE_CHUNK = 1_000;
/** Changed records read and unsealed per step while following changes. */
const UNSEAL_SLICE = 50;

/** `work` over `items` `size` at a time, one after another, yielding to the main thread between. */
async function inSlicesAsync<T, R>(
  items: readonly T[],
  size: number,
  work: (some: readonly T[]) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    if (i > 0) await yieldToMain();
    results.push(await work(items.slice(i, i + size)));
  }
  return results;
}

export type SearchProgress =
  { status: 'idle' } | { status: 'building'; done: number; total: number } | { status: 'ready' };

interface Snapshot {
  index: SearchIndex | null;
  progress: SearchProgress;
  /** Bumped whenever the index changed, so screens search again. */
  version: number;
  /** Bumped only when its citizens changed (or the index itself): lists of citizens rebuild. */
  citizensVersion: number;
}

let snapshot: Snapshot = {
  index: null,
  progress: { status: 'idle' },
  version: 0,
  citizensVersion: 0,
};
const listeners = new Set<() => void>();

/**
 * Screens are told at most this often (the first change at once, the rest together after it):
 * a first sync changes the index once per pulled page, several times a second, and re-rendering
 * the screens that show it (a citizen picker of 10,000 names) each time kept the main thread
 * busy while the caseworker typed.
 */
export const NOTIFY_MS = 300;
let lastNotified = Number.NEGATIVE_INFINITY;
let notifyTimer: ReturnType<typeof setTimeout> | null = null;

function notifyNow(): void {
  notifyTimer = null;
  lastNotified = performance.now();
  for (const listener of [...listeners]) listener();
}

function publish(next: Partial<Snapshot>, { citizens = false } = {}): void {
  const indexChanged = 'index' in next && next.index !== snapshot.index;
  snapshot = {
    ...snapshot,
    ...next,
    version: snapshot.version + 1,
    citizensVersion: snapshot.citizensVersion + (citizens || indexChanged ? 1 : 0),
  };
  if (notifyTimer !== null) return;
  const wait = lastNotified + NOTIFY_MS - performance.now();
  if (wait <= 0) notifyNow();
  else notifyTimer = setTimeout(notifyNow, wait);
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
    // Only the records there are now (up to each table's highest id): whatever is written from
    // here on is indexed as it is written (`apply`, watching since before this read). During a
    // first sync the tables grow page by page, and reading on would unseal every pulled record
    // twice on the main thread.
    const upTo = {
      citizens: await lastRecordId('citizens', database),
      notes: await lastRecordId('notes', database),
    };
    const total =
      (await countRecords('citizens', database)) + (await countRecords('notes', database));
    let done = 0;
    publish({ index, progress: { status: 'building', done, total } });
    for (const [table, size] of [
      ['citizens', CITIZEN_CHUNK],
      ['notes', NOTE_CHUNK],
    ] as const) {
      const last = upTo[table];
      if (last === undefined) continue;
      const chunks = readChunks<Citizen | Note>(table, size, database, last);
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
          publish(
            { progress: { status: 'building', done: Math.min(done, total), total } },
            { citizens: table === 'citizens' },
          );
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
    // Read and unsealed a few at a time: 500 records opened at once resolve together, and
    // their JSON parsed in one go was a task of 100 ms and more.
    const found = (
      await inSlicesAsync(change.ids, UNSEAL_SLICE, (some) =>
        readByIds<Citizen | Note>(change.table, some, database),
      )
    ).flat();
    const present = new Set(found.map((r) => r.id));
    // A pulled page is hundreds of records: indexed in slices, so typing meanwhile stays fluid.
    if (change.table === 'citizens') {
      await inSlices(found as Citizen[], (some) => index.putCitizens(some));
      for (const id of change.ids) if (!present.has(id)) index.removeCitizen(id);
    } else {
      await inSlices(found as Note[], (some) => index.putNotes(some));
      for (const id of change.ids) if (!present.has(id)) index.removeNote(id);
    }
    publish({}, { citizens: change.table === 'citizens' });
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
