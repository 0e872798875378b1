import { describe, expect, it } from 'vitest';
import { readRecord } from '../helpers/sealedDb';
import { FremskudtDb, readLastSync } from '../../src/db';
import { newId } from '../../src/domain';
import { INITIAL_PULL_CURSOR } from '../../src/protocol';
import { readCursor } from '../../src/sync/applyPulledPage';
import { serverWithDevices } from './helpers/serverWithDevices';
import { citizenFields, noteFields } from './helpers/factories';
import { appliedMutationIds, changesOf } from './helpers/serverLog';

const env = serverWithDevices();
const device = env.device;

describe('push and pull against the real server', () => {
  it('brings the demo data to a new device and a citizen written offline to a colleague', async () => {
    const mette = await device('mette');
    const anders = await device('anders');
    await mette.sync();
    expect(await mette.db.citizens.count()).toBeGreaterThan(0);

    mette.net.offline = true;
    const jens = await mette.repos.citizens.create(mette.ctx, citizenFields({ firstName: 'Jens' }));
    await expect(mette.sync()).rejects.toMatchObject({ code: 'network' });
    expect(await mette.outbox()).toHaveLength(1);

    mette.net.offline = false;
    const summary = await mette.sync();
    expect(summary.push.applied).toBe(1);
    expect(await mette.outbox()).toHaveLength(0);
    expect(
      (await readRecord<Record<string, unknown>>(mette.db, 'citizens', jens.id))?.version,
    ).toBe(1);

    await anders.sync();
    expect(
      (await readRecord<Record<string, unknown>>(anders.db, 'citizens', jens.id))?.firstName,
    ).toBe('Jens');
  });

  it('stores when the last whole cycle succeeded, and not a failed one, for the header after a reload', async () => {
    const mette = await device('mette');
    expect(await readLastSync(mette.db)).toBeNull();
    const before = Date.now();
    await mette.sync();
    const first = await readLastSync(mette.db);
    expect(Date.parse(first!)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(first!)).toBeLessThanOrEqual(Date.now());

    mette.net.offline = true;
    await mette.repos.citizens.create(mette.ctx, citizenFields({ firstName: 'Jens' }));
    await expect(mette.sync()).rejects.toMatchObject({ code: 'network' });
    expect(await readLastSync(mette.db)).toBe(first);

    // What a reload finds: the same store opened again.
    const reopened = await mette.reload();
    expect(await readLastSync(reopened.db)).toBe(first);
  });

  it('does not duplicate a batch the server committed when the answer was lost', async () => {
    const mette = await device('mette');
    await mette.sync();
    const c = await mette.repos.citizens.create(mette.ctx, citizenFields({ alias: 'Store-J' }));
    await mette.repos.citizens.update(mette.ctx, c.id, { phone: '12 34 56 78' });
    await mette.repos.notes.create(mette.ctx, noteFields(mette, c.id, 'Mødt på værestedet'));
    const sent = (await mette.outbox()).map((e) => e.mutationId);

    mette.net.failNext('/api/sync/push', { kind: 'drop-response' });
    await expect(mette.sync()).rejects.toMatchObject({ code: 'network' });
    // The server applied everything, but the device does not know: the outbox is untouched.
    expect(await mette.outbox()).toHaveLength(3);
    expect((await changesOf(env.server, c.id)).length).toBe(2);

    await mette.sync();
    expect(await mette.outbox()).toHaveLength(0);
    const changes = await changesOf(env.server, c.id);
    expect(changes.map((ch) => ch.version)).toEqual([1, 2]);
    const applied = await appliedMutationIds(env.server);
    for (const id of sent) expect(applied.filter((a) => a === id)).toHaveLength(1);
    const local = await readRecord<Record<string, unknown>>(mette.db, 'citizens', c.id);
    expect(local).toMatchObject({ alias: 'Store-J', phone: '12 34 56 78', version: 2 });
  });

  it('starts a first pull with the initial cursor', async () => {
    const anders = await device('anders');
    const cursors: (string | undefined)[] = [];
    const originalPull = anders.api.pull;
    anders.api.pull = (limit, cursor) => {
      cursors.push(cursor);
      return originalPull(limit, cursor);
    };
    await anders.sync({ pullLimit: 5 });
    expect(cursors[0]).toBe(INITIAL_PULL_CURSOR);
    expect(cursors.length).toBeGreaterThan(1);
    expect(cursors.every((c) => c !== undefined)).toBe(true);
    expect(await anders.db.citizens.count()).toBeGreaterThan(0);
  });

  it('resumes an interrupted first pull from the stored cursor without gaps or repeats', async () => {
    const mette = await device('mette');
    for (let i = 0; i < 12; i++) {
      await mette.repos.citizens.create(mette.ctx, citizenFields({ firstName: `Borger ${i}` }));
    }
    await mette.sync();
    const expected = await mette.db.citizens.count();

    const anders = await device('anders');
    // Pages of 5 changes; the answer to the third page request is lost on the way.
    anders.net.failNext('/api/sync/pull', { kind: 'drop-response' }, 1, 2);
    await expect(anders.sync({ pullLimit: 5 })).rejects.toMatchObject({ code: 'network' });
    const cursorAfterCrash = (await readCursor(anders.db)).cursor;
    expect(cursorAfterCrash).toBeDefined();
    expect(cursorAfterCrash).not.toBe(INITIAL_PULL_CURSOR);
    const countAfterCrash = await anders.db.citizens.count();

    const requested: string[] = [];
    const originalPull = anders.api.pull;
    anders.api.pull = (limit, cursor) => {
      requested.push(cursor);
      return originalPull(limit, cursor);
    };
    await anders.sync({ pullLimit: 5 });
    expect(requested[0]).toBe(cursorAfterCrash);
    expect(new Set(requested).size).toBe(requested.length);
    expect(await anders.db.citizens.count()).toBe(expected);
    expect(countAfterCrash).toBeLessThan(expected);
  });

  it('keeps a record and its outbox entry together through a crash and a reload', async () => {
    const mette = await device('mette');
    const table = mette.db.citizens;
    // A write whose transaction dies after the record was put but before it finished.
    // Rows are sealed before a transaction opens (WebCrypto inside one would let it commit).
    const row = await mette.db.seal('citizens', { id: newId(), firstName: 'Halv', version: 0 });
    await expect(
      mette.db.transaction('rw', [table, mette.db.outbox], async () => {
        await table.add(row);
        throw new Error('tab closed mid-write');
      }),
    ).rejects.toThrow();
    expect(await table.count()).toBe(0);
    expect(await mette.outbox()).toHaveLength(0);

    const kept = await mette.repos.citizens.create(mette.ctx, citizenFields({ firstName: 'Hel' }));
    const reloaded = await mette.reload();
    env.replace(mette, reloaded);
    expect(
      await readRecord<Record<string, unknown>>(reloaded.db, 'citizens', kept.id),
    ).toMatchObject({ firstName: 'Hel' });
    expect((await reloaded.outbox()).map((e) => e.recordId)).toEqual([kept.id]);
    expect(reloaded.db).toBeInstanceOf(FremskudtDb);

    await reloaded.sync();
    expect(await reloaded.outbox()).toHaveLength(0);
    expect((await changesOf(env.server, kept.id)).length).toBe(1);
  });

  it('sends a long queue in batches bounded by count and size, and sets aside a change too big to send', async () => {
    const mette = await device('mette');
    for (let i = 0; i < 5; i++) {
      await mette.repos.citizens.create(mette.ctx, citizenFields({ firstName: `Kø ${i}` }));
    }
    const huge = await mette.repos.citizens.create(
      mette.ctx,
      citizenFields({ firstName: 'Lang', lifeStory: 'x'.repeat(6_000) }),
    );
    await mette.repos.citizens.create(mette.ctx, citizenFields({ firstName: 'Efter' }));
    const progress: [string, number, number][] = [];
    mette.status.subscribe(() => {
      const { phase } = mette.status.getSnapshot();
      if (phase.kind !== 'idle') progress.push([phase.kind, phase.done, phase.total]);
    });

    const run = await mette.sync({ maxMutations: 2, maxBytes: 4_000 });
    const pushes = mette.net.log.filter((r) => r.path === '/api/sync/push');
    // [0,1] [2,3] [4] (the big one does not fit after it) [Efter] (the big one alone is set aside).
    expect(pushes).toHaveLength(4);
    expect(run.push).toMatchObject({ sent: 6, applied: 6, rejected: 1 });
    const [setAside] = await mette.outbox();
    expect(setAside).toMatchObject({
      recordId: huge.id,
      state: 'rejected',
      lastError: { code: 'payload-too-large' },
    });
    expect(progress.filter(([kind]) => kind === 'pushing').at(-1)).toEqual(['pushing', 6, 7]);
    const lastPull = progress.filter(([kind]) => kind === 'pulling').at(-1)!;
    expect(lastPull[1]).toBe(lastPull[2]);
    expect(lastPull[2]).toBeGreaterThan(0);
  });

  it('halves the batch when the server finds the request too large, and loses nothing', async () => {
    const mette = await device('mette');
    for (let i = 0; i < 4; i++) {
      await mette.repos.citizens.create(mette.ctx, citizenFields({ firstName: `Stor ${i}` }));
    }
    mette.net.failNext('/api/sync/push', {
      kind: 'status',
      status: 413,
      code: 'payload-too-large',
    });
    const run = await mette.sync();
    expect(run.push).toMatchObject({ sent: 4, applied: 4, rejected: 0 });
    expect(mette.net.log.filter((r) => r.path === '/api/sync/push').map((r) => r.outcome)).toEqual([
      'status 413',
      'ok 200',
      'ok 200',
    ]);
    expect(await mette.outbox()).toHaveLength(0);
  });
});
