import { afterEach, describe, expect, it } from 'vitest';
import { readRecord } from '../../helpers/sealedDb';
import { createCitizensRepo } from '../../../src/db/citizens';
import { openOutbox } from '../../../src/db/outbox';
import { FremskudtDb } from '../../../src/db/database';
import { createSealer, type Sealer } from '../../../src/db/vault/sealer';
import { generateDataKey } from '../../../src/db/vault/webCrypto';
import type { WriteContext } from '../../../src/db/writeContext';
import type { PushRequest } from '../../../src/protocol';
import { createApiClient } from '../../../src/sync/apiClient';
import { pushOutbox } from '../../../src/sync/pushOutbox';

const ctx: WriteContext = { userId: 'mette', teamId: 'team-a', deviceId: 'device-push-1' };
const opened: FremskudtDb[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** A user store whose sealer notes each outbox row it opens (a batch being read) in `events`. */
async function loggingDb(events: string[]): Promise<FremskudtDb> {
  const sealer = createSealer(await generateDataKey());
  const logging: Sealer = {
    seal: sealer.seal,
    open: (table, id, sealed) => {
      if (table === 'outbox') events.push('read an entry');
      return sealer.open(table, id, sealed);
    },
  };
  const db = new FremskudtDb(`push-outbox-${opened.length}-${Date.now()}`, logging);
  opened.push(db);
  return db;
}

/**
 * A server that applies every mutation at version 1 and logs each request and answer, failing
 * the test if a request arrives while another is still unanswered.
 */
function serverOf(
  events: string[],
  received: string[],
  refuse: (index: number) => boolean = () => false,
  sizes: number[] = [],
) {
  let inFlight = 0;
  let requests = 0;
  const fetch = async (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const body = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as PushRequest;
    const n = ++requests;
    if (++inFlight > 1) throw new Error('a batch was sent before the one before was answered');
    events.push(`send batch ${n}`);
    sizes.push(body.mutations.length);
    received.push(...body.mutations.map((m) => m.mutationId));
    // Answered a little later, as over a network.
    await new Promise((resolve) => setTimeout(resolve, 20));
    inFlight--;
    events.push(`answer batch ${n}`);
    const results = body.mutations.map((m) =>
      refuse(received.indexOf(m.mutationId))
        ? { mutationId: m.mutationId, status: 'rejected', code: 'forbidden', message: 'Nej' }
        : { mutationId: m.mutationId, status: 'applied', recordId: m.recordId, version: 1 },
    );
    return new Response(JSON.stringify({ results, serverTime: new Date().toISOString() }));
  };
  return createApiClient({ baseUrl: 'http://test', fetch });
}

describe('pushOutbox', () => {
  it('sends the queue in order, one batch at a time, reading the next while one is on its way', async () => {
    const events: string[] = [];
    const db = await loggingDb(events);
    const citizens = createCitizensRepo(() => db);
    const created = [];
    for (let i = 0; i < 25; i++) created.push(await citizens.create(ctx, { firstName: `B${i}` }));
    const queued = (await db.outbox.orderBy('seq').toArray()).map((r) => String(r.mutationId));
    events.length = 0;
    const received: string[] = [];

    const summary = await pushOutbox(db, serverOf(events, received), {
      deviceId: ctx.deviceId,
      maxMutations: 10,
    });

    expect(summary).toMatchObject({ sent: 25, applied: 25, conflicts: 0, rejected: 0 });
    expect(received).toEqual(queued);
    expect(await db.outbox.count()).toBe(0);
    // The record itself waits for the pull that follows every push to bring the server's version.
    expect(await readRecord(db, 'citizens', created[24]!.id)).toMatchObject({
      firstName: 'B24',
      version: 0,
    });
    // Batch 2 (entries 11-20) was read between sending batch 1 and its answer.
    const sent1 = events.indexOf('send batch 1');
    const answered1 = events.indexOf('answer batch 1');
    const readsBetween = events.slice(sent1, answered1).filter((e) => e === 'read an entry');
    expect(readsBetween).toHaveLength(10);
    expect(events.filter((e) => e.startsWith('send'))).toEqual([
      'send batch 1',
      'send batch 2',
      'send batch 3',
    ]);
  });

  it('keeps a refused change between acknowledged ones, in this push and the next', async () => {
    const db = await loggingDb([]);
    const citizens = createCitizensRepo(() => db);
    for (let i = 0; i < 5; i++) await citizens.create(ctx, { firstName: `B${i}` });
    const received: string[] = [];
    // The server refuses the third change it ever receives.
    const api = serverOf([], received, (index) => index === 2);

    const first = await pushOutbox(db, api, { deviceId: ctx.deviceId });
    expect(first).toMatchObject({ sent: 5, applied: 4, rejected: 1 });
    const left = await openOutbox(await db.outbox.toArray(), db);
    expect(left.map((e) => [e.mutationId, e.state])).toEqual([[received[2], 'rejected']]);

    for (let i = 5; i < 8; i++) await citizens.create(ctx, { firstName: `B${i}` });
    const second = await pushOutbox(db, api, { deviceId: ctx.deviceId });
    expect(second).toMatchObject({ sent: 3, applied: 3, rejected: 0 });
    const still = await openOutbox(await db.outbox.toArray(), db);
    expect(still.map((e) => [e.mutationId, e.state])).toEqual([[received[2], 'rejected']]);
  });

  it('sends a long queue over a fast connection in batches that grow to the server limit', async () => {
    const db = await loggingDb([]);
    const citizens = createCitizensRepo(() => db);
    await Promise.all(
      Array.from({ length: 700 }, (_, i) => citizens.create(ctx, { firstName: `B${i}` })),
    );
    const sizes: number[] = [];

    const summary = await pushOutbox(
      db,
      serverOf([], [], () => false, sizes),
      {
        deviceId: ctx.deviceId,
      },
    );

    expect(summary).toMatchObject({ sent: 700, applied: 700 });
    // 100 first (a lost answer costs little to repeat); the answers came fast, so up to 200.
    expect(sizes).toEqual([100, 100, 200, 200, 100]);
    expect(await db.outbox.count()).toBe(0);
  });
});
