import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../src/db';
import type { Device } from './helpers/device';
import { citizenFields } from './helpers/factories';
import { appliedMutationIds } from './helpers/serverLog';
import { serverWithDevices } from './helpers/serverWithDevices';

const env = serverWithDevices();

/** Queues `count` citizen creates on the device; returns their outbox entries, oldest first. */
async function queueCitizens(d: Device, count: number, lifeStory = ''): Promise<OutboxEntry[]> {
  for (let i = 0; i < count; i++)
    await d.repos.citizens.create(d.ctx, citizenFields({ firstName: `Kø ${i}`, lifeStory }));
  return d.outbox();
}

/**
 * Rewrites a queued entry's fields as an older or faulty app might have stored them, past the
 * checks the repositories make today.
 */
async function rewriteFields(d: Device, entry: OutboxEntry, fields: Record<string, unknown>) {
  await d.db.outbox.put(await d.db.seal('outbox', { ...entry, fields }));
}

function pushOutcomes(d: Device): string[] {
  return d.net.log.filter((r) => r.path === '/api/sync/push').map((r) => r.outcome);
}

describe('a push the server refuses as a whole (real server, real HTTP)', () => {
  it('halves a batch the server finds too large (413) and applies every change once', async () => {
    const mette = await env.device('mette');
    // 30 changes of about 40 KB each: 1.2 MB in one request, over the server's 1 MB.
    const queued = await queueCitizens(mette, 30, 'æ'.repeat(20_000));
    const run = await mette.sync({ maxMutations: 30, maxBytes: 10_000_000 });
    expect(pushOutcomes(mette)[0]).toBe('ok 413');
    expect(pushOutcomes(mette).slice(1)).toEqual(['ok 200', 'ok 200']);
    expect(run.push).toMatchObject({ sent: 30, applied: 30, rejected: 0 });
    expect(await mette.outbox()).toHaveLength(0);
    const applied = new Set(await appliedMutationIds(env.server));
    expect(queued.filter((e) => applied.has(e.mutationId))).toHaveLength(30);
  });

  it('sets a change that alone is too large aside as refused, sends the rest, and never resends it', async () => {
    const mette = await env.device('mette');
    const queued = await queueCitizens(mette, 3);
    const big = queued[1]!;
    await rewriteFields(mette, big, { firstName: 'Stor', lifeStory: 'x'.repeat(1_500_000) });
    const run = await mette.sync({ maxBytes: 10_000_000 });
    expect(run.push).toMatchObject({ applied: 2, rejected: 1 });
    expect(await mette.outbox()).toMatchObject([
      { mutationId: big.mutationId, state: 'rejected', lastError: { code: 'payload-too-large' } },
    ]);
    const before = pushOutcomes(mette).length;
    await mette.sync({ maxBytes: 10_000_000 });
    expect(pushOutcomes(mette).length).toBe(before);
  });

  it('sets a change the server cannot read (400: a NUL in a field name) aside as refused, sends the rest', async () => {
    const mette = await env.device('mette');
    const queued = await queueCitizens(mette, 5);
    const bad = queued[2]!;
    await rewriteFields(mette, bad, { firstName: 'Nul', 'alias\u0000x': 'y' });
    const run = await mette.sync();
    expect(run.push).toMatchObject({ applied: 4, rejected: 1 });
    expect(pushOutcomes(mette)).toContain('ok 400');
    expect(await mette.outbox()).toMatchObject([
      { mutationId: bad.mutationId, state: 'rejected', lastError: { code: 'invalid-request' } },
    ]);
    const applied = new Set(await appliedMutationIds(env.server));
    expect(queued.filter((e) => applied.has(e.mutationId))).toHaveLength(4);
    expect(applied.has(bad.mutationId)).toBe(false);
    const before = pushOutcomes(mette).length;
    await mette.sync();
    expect(pushOutcomes(mette).length).toBe(before);
  });
});
