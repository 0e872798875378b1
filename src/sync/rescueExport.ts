import {
  deviceClock,
  getMeta,
  openOutbox,
  SESSION_KEY,
  type FremskudtDb,
  type Session,
} from '../db';
import { sealRescueFile, type Mutation, type RescueFile } from '../protocol';
import { deviceIdOf } from './deviceIdOf';

/** The wire fields of an outbox entry: exactly what a push would send. */
function asMutation(entry: Mutation): Mutation {
  return {
    mutationId: entry.mutationId,
    deviceId: entry.deviceId,
    entity: entry.entity,
    recordId: entry.recordId,
    op: entry.op,
    fields: entry.fields,
    baseVersion: entry.baseVersion,
    clientTime: entry.clientTime,
    ...(entry.resolvesConflicts ? { resolvesConflicts: entry.resolvesConflicts } : {}),
    ...(entry.teamId !== undefined ? { teamId: entry.teamId } : {}),
  };
}

/**
 * The device's waiting changes as an encrypted rescue file, in the order a push would send them.
 * Refused changes are left out: the server already keeps a copy of each (rejected_mutations) and
 * would refuse them again. The outbox is not touched: the changes stay on the device and are
 * pushed as usual if it comes back; the server applies each mutation id once, whichever arrives
 * first.
 */
export async function exportRescueFile(
  db: FremskudtDb,
  passphrase: string,
  now: () => Date = deviceClock.now,
  iterations?: number,
): Promise<RescueFile> {
  const session = await getMeta<Session>(SESSION_KEY, db);
  if (!session) throw new Error('No signed-in user on this device');
  const rows = await db.outbox.where('state').equals('pending').sortBy('seq');
  const mutations = (await openOutbox(rows, db)).map(asMutation);
  return sealRescueFile(
    {
      userId: session.user.id,
      deviceId: await deviceIdOf(db),
      exportedAt: now().toISOString(),
      mutations,
    },
    passphrase,
    iterations,
  );
}
