import { sql } from 'kysely';
import { newId } from '../../domain/ids';
import type { Mutation } from '../../protocol/sync';
import { createUser, countUsers, upsertTeam } from '../auth/users';
import { SQLITE_BUSY_TIMEOUT_MS } from '../data/createDatabase';
import type { Database } from '../data/schema';
import { pushMutations } from '../syncApi/pushMutations';
import { demoActivity } from './demoActivity';
import { demoCitizens } from './demoCitizens';
import { demoClock } from './demoClock';
import { demoPlaces } from './demoPlaces';
import { DEMO_PASSWORD, DEMO_TEAMS, DEMO_USERS } from './demoUsers';
import type { DemoWrite } from './demoWrite';

export const DEMO_DEVICE_ID = 'demo-seed';

export class SeedError extends Error {
  override readonly name = 'SeedError';
  constructor(
    readonly code: 'already-seeded' | 'seed-rejected',
    message: string,
  ) {
    super(message);
  }
}

/** The demo's records as the caseworkers would write them, dated relative to `now`. */
export function demoWrites(now: Date): DemoWrite[] {
  return demoData(now).writes;
}

/** The demo's records, and its past activity at the same places (sent in batches: all creates). */
function demoData(now: Date): { writes: DemoWrite[]; activity: DemoWrite[] } {
  const clock = demoClock(now);
  const places = demoPlaces(clock);
  return {
    writes: [...places.writes, ...demoCitizens(clock, places)],
    activity: demoActivity(clock, places),
  };
}

/** The PostgreSQL advisory-lock key of the demo seed (any fixed number; the scope locks hash). */
const SEED_LOCK_KEY = 7_264_001;

/** How long a second seeder on SQLite waits for the first one's write lock (the whole seed). */
const SQLITE_SEED_WAIT_MS = 120_000;

/** Past activity goes in pushes of this many mutations (well under a push's limit). */
const ACTIVITY_BATCH = 200;

/**
 * Runs the seed in ONE transaction that one seeder at a time holds: two server processes started
 * at once with DEMO_DATA=1 on an empty database both found no users and both inserted them, and
 * one failed on users' primary key. PostgreSQL: a transaction-scoped advisory lock, taken first.
 * SQLite: the transaction's first statement is a write, so it takes the database's write lock
 * before reading anything and a second seeder waits for the first to commit (a read first would
 * fail the second's later write instead of waiting); the wait is lengthened for the seed only.
 * Either way the second then sees the users and stops with `already-seeded`, and a seed that
 * fails half-way leaves nothing behind.
 */
async function inSeedTransaction<T>(
  database: Database,
  work: (seeding: Database) => Promise<T>,
): Promise<T> {
  const run = () =>
    database.db.transaction().execute(async (trx) => {
      if (database.dialect === 'postgres')
        await sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`.execute(trx);
      else await sql`update change_seq set last = last where id = 1`.execute(trx);
      return work({ ...database, db: trx, close: () => Promise.resolve() });
    });
  if (database.dialect === 'postgres') return run();
  await sql.raw(`pragma busy_timeout = ${SQLITE_SEED_WAIT_MS}`).execute(database.db);
  try {
    return await run();
  } finally {
    await sql.raw(`pragma busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`).execute(database.db);
  }
}

/**
 * Loads the fictional demo teams, users and records into an empty database, all or nothing, once
 * however many processes try at the same time (inSeedTransaction). The records go through the
 * same push service as a device's sync, so they are in the change log and every device pulls
 * them; writing the tables directly would leave them invisible to devices.
 */
export async function seedDemo(database: Database, now = new Date()): Promise<{ records: number }> {
  return inSeedTransaction(database, async (seeding) => {
    if ((await countUsers(seeding)) > 0) {
      throw new SeedError('already-seeded', 'The database already has users; demo data not loaded');
    }
    for (const team of DEMO_TEAMS) await upsertTeam(seeding, team.id, team.name);
    for (const user of DEMO_USERS) await createUser(seeding, { ...user, password: DEMO_PASSWORD });

    const versions = new Map<string, number>();
    const data = demoData(now);
    for (const write of data.writes) {
      const user = DEMO_USERS.find((u) => u.id === write.user)!;
      const known = versions.get(write.id);
      const mutation: Mutation = {
        mutationId: newId(),
        deviceId: DEMO_DEVICE_ID,
        entity: write.entity,
        recordId: write.id,
        op: known === undefined ? 'create' : 'update',
        fields: write.fields,
        baseVersion: known ?? 0,
        clientTime: now.toISOString(),
      };
      const [result] = await pushMutations(seeding, [mutation], {
        user,
        sessionDeviceId: DEMO_DEVICE_ID,
        now: () => now,
      });
      if (result?.status !== 'applied') {
        throw new SeedError(
          'seed-rejected',
          `Demo ${write.entity} was not applied: ${JSON.stringify(result)}`,
        );
      }
      versions.set(write.id, result.version);
    }
    // Months of past visits and contacts, for the statistics: all creates, so sent in batches.
    for (const user of DEMO_USERS) {
      const mine = data.activity.filter((w) => w.user === user.id);
      for (let i = 0; i < mine.length; i += ACTIVITY_BATCH) {
        const batch = mine.slice(i, i + ACTIVITY_BATCH).map((write): Mutation => ({
          mutationId: newId(),
          deviceId: DEMO_DEVICE_ID,
          entity: write.entity,
          recordId: write.id,
          op: 'create',
          fields: write.fields,
          baseVersion: 0,
          clientTime: now.toISOString(),
        }));
        const results = await pushMutations(seeding, batch, {
          user,
          sessionDeviceId: DEMO_DEVICE_ID,
          now: () => now,
        });
        const refused = results.find((r) => r.status !== 'applied');
        if (refused) {
          throw new SeedError(
            'seed-rejected',
            `Demo activity was not applied: ${JSON.stringify(refused)}`,
          );
        }
        for (const m of batch) versions.set(m.recordId, 1);
      }
    }
    return { records: versions.size };
  });
}

/**
 * DEMO_DATA=1 at start: seeds the database if it has no users yet. null when it has (another
 * server process started alongside may have seeded it a moment ago): not an error.
 */
export async function seedDemoIfEmpty(
  database: Database,
  now = new Date(),
): Promise<{ records: number } | null> {
  try {
    return await seedDemo(database, now);
  } catch (error) {
    if (error instanceof SeedError && error.code === 'already-seeded') return null;
    throw error;
  }
}
