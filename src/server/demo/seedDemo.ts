import { newId } from '../../domain/ids';
import type { Mutation } from '../../protocol/sync';
import { createUser, countUsers, upsertTeam } from '../auth/users';
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

/** Past activity goes in pushes of this many mutations (well under a push's limit). */
const ACTIVITY_BATCH = 200;

/**
 * Loads the fictional demo teams, users and records into an empty database. The records go
 * through the same push service as a device's sync, so they are in the change log and every
 * device pulls them; writing the tables directly would leave them invisible to devices.
 */
export async function seedDemo(database: Database, now = new Date()): Promise<{ records: number }> {
  if ((await countUsers(database)) > 0) {
    throw new SeedError('already-seeded', 'The database already has users; demo data not loaded');
  }
  for (const team of DEMO_TEAMS) await upsertTeam(database, team.id, team.name);
  for (const user of DEMO_USERS) await createUser(database, { ...user, password: DEMO_PASSWORD });

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
    const [result] = await pushMutations(database, [mutation], { user, now: () => now });
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
      const results = await pushMutations(database, batch, { user, now: () => now });
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
}
