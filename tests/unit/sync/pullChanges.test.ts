import { afterEach, describe, expect, it } from 'vitest';
import { citizenChange, uuid } from '../../helpers/pulledChanges';
import { readAll, sealedDb } from '../../helpers/sealedDb';
import type { FremskudtDb } from '../../../src/db/database';
import { INITIAL_PULL_CURSOR, type PullResponse } from '../../../src/protocol';
import { createApiClient } from '../../../src/sync/apiClient';
import { readCursor } from '../../../src/sync/applyPulledPage';
import { pullChanges } from '../../../src/sync/pullChanges';

const opened: FremskudtDb[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function testDb(): Promise<FremskudtDb> {
  const db = await sealedDb(`pull-changes-${opened.length}-${Date.now()}`);
  opened.push(db);
  return db;
}

/** Three pages of `size` citizens each, as the server would page them (opaque cursor = seq). */
function pages(size: number): PullResponse[] {
  return [0, 1, 2].map((p) => {
    const changes = Array.from({ length: size }, (_, i) => citizenChange(p * size + i + 1));
    const cursor = (p + 1) * size;
    return { changes, cursor, hasMore: p < 2, latestSeq: 3 * size, nextCursor: `c${cursor}` };
  });
}

type Answer = PullResponse | 'network-down';

/**
 * An API client whose server answers page requests from `answers` in order (the first request,
 * then the one sent each answer's `nextCursor`) and logs each request in `events`.
 */
function serverOf(answers: readonly Answer[], events: string[]) {
  // A device that has pulled nothing yet sends the initial cursor.
  const indexOf = new Map<string | null, number>([[INITIAL_PULL_CURSOR, 0]]);
  answers.forEach((answer, i) => {
    if (answer !== 'network-down' && answer.nextCursor) indexOf.set(answer.nextCursor, i + 1);
  });
  const fetch = (input: RequestInfo | URL): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    const index = indexOf.get(url.searchParams.get('cursor')) ?? -1;
    events.push(`request page ${index + 1}`);
    const answer = answers[index];
    if (answer === undefined || answer === 'network-down') {
      return Promise.reject(new TypeError('Failed to fetch'));
    }
    return Promise.resolve(new Response(JSON.stringify(answer), { status: 200 }));
  };
  return createApiClient({ baseUrl: 'http://test', fetch });
}

describe('pullChanges', () => {
  it('asks for the next page while the one before is still being written', async () => {
    const db = await testDb();
    const events: string[] = [];
    const api = serverOf(pages(40), events);

    const summary = await pullChanges(db, api, {
      limit: 40,
      onProgress: (done) => events.push(`stored up to ${done}`),
    });

    expect(events).toEqual([
      'request page 1',
      'request page 2',
      'stored up to 40',
      'request page 3',
      'stored up to 80',
      'stored up to 120',
    ]);
    expect(summary).toMatchObject({ pages: 3, changes: 120, cursor: 120 });
    expect(await readAll(db, 'citizens')).toHaveLength(120);
    expect(await readCursor(db)).toEqual({ after: 120, cursor: 'c120' });
  });

  it('keeps the pages stored before a request failed, and the next pull goes on from there', async () => {
    const db = await testDb();
    const [first, second, third] = pages(30);
    const events: string[] = [];

    const offline = serverOf([first!, 'network-down'], events);
    await expect(pullChanges(db, offline, { limit: 30 })).rejects.toMatchObject({
      code: 'network',
    });
    expect(await readAll(db, 'citizens')).toHaveLength(30);
    expect(await readCursor(db)).toEqual({ after: 30, cursor: 'c30' });

    events.length = 0;
    const online = serverOf([first!, second!, third!], events);
    await pullChanges(db, online, { limit: 30 });
    expect(events).toEqual(['request page 2', 'request page 3']);
    expect(await readAll(db, 'citizens')).toHaveLength(90);
  });

  it('stores the good page before a bad one and then reports the bad one, asking for nothing after it', async () => {
    const db = await testDb();
    const [first, second] = pages(20);
    const broken: PullResponse = {
      ...second!,
      changes: [
        ...second!.changes.slice(0, 19),
        { ...citizenChange(40), record: { id: uuid(40) } },
      ],
    };
    const events: string[] = [];
    // The bad page arrives (and fails its check) while the first one is still being written.
    const api = serverOf([first!, broken, 'network-down'], events);

    await expect(pullChanges(db, api, { limit: 20 })).rejects.toMatchObject({
      code: 'bad-response',
    });
    expect(events).toEqual(['request page 1', 'request page 2']);
    expect(await readAll(db, 'citizens')).toHaveLength(20);
    expect(await readCursor(db)).toEqual({ after: 20, cursor: 'c20' });
  });

  it('refuses a page whose change carries something other than a record object', async () => {
    const db = await testDb();
    const [first] = pages(10);
    const odd = { ...first!, changes: [{ ...first!.changes[0]!, record: ['not', 'a', 'record'] }] };
    const api = serverOf([odd as unknown as PullResponse], []);

    await expect(pullChanges(db, api, { limit: 10 })).rejects.toMatchObject({
      code: 'bad-response',
    });
    expect(await readAll(db, 'citizens')).toEqual([]);
  });
});
