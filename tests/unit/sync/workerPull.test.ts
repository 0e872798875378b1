import { afterEach, describe, expect, it } from 'vitest';
import { citizenChange } from '../../helpers/pulledChanges';
import { readAll } from '../../helpers/sealedDb';
import { FremskudtDb } from '../../../src/db/database';
import { createSealer, type Sealer } from '../../../src/db/vault/sealer';
import { generateDataKey } from '../../../src/db/vault/webCrypto';
import { INITIAL_PULL_CURSOR, type PullResponse } from '../../../src/protocol';
import { ApiError, createApiClient, type ApiClient } from '../../../src/sync/apiClient';
import { readCursor } from '../../../src/sync/applyPulledPage';
import { toSyncFailure } from '../../../src/sync/syncError';
import { servePulls, workerPuller } from '../../../src/sync/workerPull';

// The app runs its pulls in a dedicated worker (src/sync/pullWorker.ts) so that a first sync's
// parsing, validation, sealing and IndexedDB writes leave the main thread free for typing. Here
// the two ends talk over a MessageChannel as the page and its worker do: the worker's end has its
// own Dexie connection and its own sealer, made from the data key the page sends over.

const opened: FremskudtDb[] = [];
const workerDbs: FremskudtDb[] = [];
const channels: MessageChannel[] = [];

afterEach(async () => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
  for (const db of workerDbs.splice(0)) db.close();
  for (const db of opened.splice(0)) await db.delete();
});

function pages(size: number): PullResponse[] {
  return [0, 1, 2].map((p) => {
    const changes = Array.from({ length: size }, (_, i) => citizenChange(p * size + i + 1));
    const cursor = (p + 1) * size;
    return { changes, cursor, hasMore: p < 2, latestSeq: 3 * size, nextCursor: `c${cursor}` };
  });
}

/** The worker's own client: answers the pages in order, or `status` with the server's error. */
function serverOf(answers: readonly PullResponse[], status = 200): ApiClient {
  const indexOf = new Map<string | null, number>([[INITIAL_PULL_CURSOR, 0]]);
  answers.forEach((answer, i) => answer.nextCursor && indexOf.set(answer.nextCursor, i + 1));
  return createApiClient({
    baseUrl: 'http://test',
    fetch: (input) => {
      if (status !== 200) {
        const error = { error: { code: 'unauthorized', message: 'Session expired' } };
        return Promise.resolve(new Response(JSON.stringify(error), { status }));
      }
      const url = new URL(input instanceof Request ? input.url : String(input));
      const answer = answers[indexOf.get(url.searchParams.get('cursor')) ?? -1];
      return answer
        ? Promise.resolve(new Response(JSON.stringify(answer), { status: 200 }))
        : Promise.reject(new TypeError('Failed to fetch'));
    },
  });
}

/** A sealer that counts what it sealed, so a test sees on which side the sealing ran. */
function counting(sealer: Sealer): Sealer & { sealed: number } {
  const counted = {
    sealed: 0,
    dataKey: sealer.dataKey,
    open: sealer.open,
    seal: (table: string, id: string, value: unknown) => {
      counted.sealed++;
      return sealer.seal(table, id, value);
    },
  };
  return counted;
}

/** The page's store and a worker serving pulls from `server`, joined by a MessageChannel. */
async function pageAndWorker(server: ApiClient) {
  const key = await generateDataKey();
  const name = `worker-pull-${opened.length}-${Date.now()}`;
  const pageSealer = counting(createSealer(key));
  const page = new FremskudtDb(name, pageSealer);
  opened.push(page);
  const worker = { sealer: null as (Sealer & { sealed: number }) | null };
  const channel = new MessageChannel();
  channels.push(channel);
  const [workerEnd, pageEnd] = [channel.port1, channel.port2];
  servePulls(workerEnd, (dbName, dataKey) => {
    worker.sealer = counting(createSealer(dataKey));
    const db = new FremskudtDb(dbName, worker.sealer);
    workerDbs.push(db);
    return { db, api: server };
  });
  workerEnd.start();
  pageEnd.start();
  const { pull, close } = workerPuller(page, pageEnd);
  return { page, pageSealer, worker, pull, close };
}

/** The page's own client must not be used: the worker requests the pages itself. */
const notUsed = createApiClient({
  baseUrl: 'http://test',
  fetch: () => Promise.reject(new Error('the page requested a pull page itself')),
});

describe('the pull in its worker', () => {
  it('stores every page in the page’s database, sealing on the worker’s side only', async () => {
    const { page, pageSealer, worker, pull } = await pageAndWorker(serverOf(pages(25)));
    const progress: number[] = [];

    const summary = await pull(page, notUsed, {
      limit: 25,
      onProgress: (done) => progress.push(done),
    });

    expect(summary).toMatchObject({ pages: 3, changes: 75, cursor: 75 });
    expect(progress).toEqual([25, 50, 75]);
    // The page reads what the worker stored, with the same data key.
    const citizens = await readAll<{ firstName: string }>(page, 'citizens');
    expect(citizens).toHaveLength(75);
    expect(citizens[0]?.firstName).toBe('Borger 1');
    expect(await readCursor(page)).toEqual({ after: 75, cursor: 'c75' });
    expect(worker.sealer?.sealed).toBe(75);
    expect(pageSealer.sealed).toBe(0);
  });

  it('reports the server’s refusal as the same ApiError the engine acts on', async () => {
    const { page, pull } = await pageAndWorker(serverOf(pages(5), 401));

    const failure = await pull(page, notUsed, {}).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'unauthorized', status: 401 });
  });

  it('stops between pages when the sync is stopped, keeping the pages stored', async () => {
    const { page, pull } = await pageAndWorker(serverOf(pages(10)));
    const controller = new AbortController();

    const failure = await pull(page, notUsed, {
      limit: 10,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    }).catch((error: unknown) => error);

    expect(toSyncFailure(failure).code).toBe('aborted');
    const { after } = await readCursor(page);
    // Stopped after the first page or, if it was already asked for, the second: never all three.
    expect([10, 20]).toContain(after);
    expect(await readAll(page, 'citizens')).toHaveLength(after);
  });

  it('ends a pull under way as stopped when the worker is closed (the store locks)', async () => {
    const { page, pull, close } = await pageAndWorker(serverOf(pages(10)));

    const failure = await pull(page, notUsed, { limit: 10, onProgress: close }).catch(
      (error: unknown) => error,
    );

    expect(toSyncFailure(failure).code).toBe('aborted');
  });
});
