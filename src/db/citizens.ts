import type { Citizen, CitizenInput } from '../domain';
import { db, type FremskudtDb } from './database';
import { entityRepository } from './entityRepository';

/** Citizens in `database` (tests simulate several devices, each with its own database). */
export const createCitizensRepo = (database: () => FremskudtDb = () => db) =>
  entityRepository<Citizen, CitizenInput>('citizen', database);

export const citizensRepo = createCitizensRepo();

/** The citizens with these ids (unknown ids left out), without reading the whole table. */
export async function citizensByIds(ids: readonly string[]): Promise<Map<string, Citizen>> {
  const unique = [...new Set(ids)];
  const found = await db.citizens.bulkGet(unique);
  const citizens = await db.unsealAll<Citizen>(
    'citizens',
    found.filter((c) => c !== undefined),
  );
  return new Map(citizens.map((c) => [c.id, c]));
}

/** Every citizen on the device. Unseals all of them: only for small tables and tests. */
export async function listCitizens(): Promise<Citizen[]> {
  return db.unsealAll<Citizen>('citizens', await db.citizens.toArray());
}
