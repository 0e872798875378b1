/**
 * In-process measure of the server's push (`pushMutations`, no HTTP), on SQLite and PostgreSQL:
 * - sequential: one device pushing new notes in batches of 100 (scenario 4's shape), mutations/s;
 * - concurrent: `teams` × 10 users each pushing one batch of a citizen + 5 notes at the same
 *   moment (scenario 8's start-up burst, minus HTTP), wall time and p50/p99 per push.
 * Run by `npm run bench:push` (scripts/bench-push.mjs); PUSH_BENCH_PG_URL (default the bench's
 * server, empty to skip) and PUSH_BENCH_NOTES (default 5,000) tune it.
 */
import { newId } from '../../src/domain/ids';
import type { Mutation } from '../../src/protocol';
import type { Database } from '../../src/server/data/schema';
import { pushMutations, type PushContext } from '../../src/server/syncApi/pushMutations';
import { citizenFields, noteFields } from '../shared/generate';
import { createBenchUser, createDeviceUsers, onEachBenchDatabase } from './serverAdapter';
import { fmt, percentile } from './stats';

const BATCH = 100;
const TEAMS = 20;
const PER_TEAM = 10;
const NOTES_PER_PUSH = 5;
const SMALL_PUSHES = 500;

function noteCreate(i: number, citizenId: string, deviceId: string): Mutation {
  return {
    mutationId: newId(),
    deviceId,
    entity: 'note',
    recordId: newId(),
    op: 'create',
    fields: { ...noteFields(i, 1, 'bench'), citizenId },
    baseVersion: 0,
    clientTime: new Date().toISOString(),
  };
}

function citizenCreate(i: number, deviceId: string): Mutation {
  return {
    mutationId: newId(),
    deviceId,
    entity: 'citizen',
    recordId: newId(),
    op: 'create',
    fields: { ...citizenFields(i), usualLocationIds: [], consents: [] },
    baseVersion: 0,
    clientTime: new Date().toISOString(),
  };
}

const contextOf = (id: string, teamId: string): PushContext => ({
  user: { id, teamId, teams: [{ id: teamId, name: teamId }] },
});

async function sequential(database: Database, notes: number): Promise<string> {
  const ctx = contextOf('push-seq', 'push-seq-team');
  await createBenchUser(database, { id: 'push-seq', teamId: 'push-seq-team' });
  const citizen = citizenCreate(0, 'push-seq-device');
  await pushMutations(database, [citizen], ctx);
  const t0 = performance.now();
  for (let done = 0; done < notes; done += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, notes - done) }, (_, i) =>
      noteCreate(done + i, citizen.recordId, 'push-seq-device'),
    );
    const results = await pushMutations(database, batch, ctx);
    if (results.some((r) => r.status !== 'applied')) throw new Error('a bench note was refused');
  }
  const ms = performance.now() - t0;
  return `sequential ${notes} notes in batches of ${BATCH}: ${fmt(notes / (ms / 1000))} mutations/s`;
}

/** The time one small push (a citizen and 5 notes, scenario 8's first push) costs alone. */
async function smallPushes(database: Database, count: number): Promise<string> {
  const ctx = contextOf('push-small', 'push-small-team');
  await createBenchUser(database, { id: 'push-small', teamId: 'push-small-team' });
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const citizen = citizenCreate(i, 'push-small-device');
    const batch = [citizen];
    for (let n = 0; n < NOTES_PER_PUSH; n++)
      batch.push(noteCreate(n, citizen.recordId, 'push-small-device'));
    await pushMutations(database, batch, ctx);
  }
  const ms = performance.now() - t0;
  return `${count} pushes of ${NOTES_PER_PUSH + 1} one after another: ${fmt(ms / count, 2)} ms each`;
}

async function concurrent(database: Database): Promise<string> {
  // Users without a password hash (scrypt would dominate the set-up), as scenario 8 makes them.
  const devices = await createDeviceUsers(database, TEAMS, PER_TEAM);
  const users = devices.map((d, i) => contextOf(`${d.teamId}-${i % PER_TEAM}`, d.teamId));
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    users.map(async (ctx, i) => {
      const deviceId = `push-c-device-${i}`;
      const citizen = citizenCreate(i, deviceId);
      const batch = [citizen];
      for (let n = 0; n < NOTES_PER_PUSH; n++)
        batch.push(noteCreate(n, citizen.recordId, deviceId));
      const started = performance.now();
      const results = await pushMutations(database, batch, ctx);
      latencies.push(performance.now() - started);
      if (results.some((r) => r.status !== 'applied')) throw new Error('a bench push was refused');
    }),
  );
  const wall = performance.now() - t0;
  return (
    `concurrent ${users.length} pushes of ${NOTES_PER_PUSH + 1} (${TEAMS} teams): ` +
    `wall ${fmt(wall)} ms, p50 ${fmt(percentile(latencies, 0.5))} / ` +
    `p99 ${fmt(percentile(latencies, 0.99))} ms`
  );
}

async function measure(label: string, open: () => Promise<Database>, notes: number) {
  const database = await open();
  try {
    console.log(`${label}: ${await sequential(database, notes)}`);
    console.log(`${label}: ${await smallPushes(database, SMALL_PUSHES)}`);
    console.log(`${label}: ${await concurrent(database)}`);
  } finally {
    await database.close();
  }
}

export async function main(): Promise<void> {
  const notes = Number(process.env.PUSH_BENCH_NOTES ?? 5_000);
  const pgUrl = process.env.PUSH_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  await onEachBenchDatabase('pushbench', pgUrl, (label, open) => measure(label, open, notes));
}
