import type { Citizen, CitizenInput } from '../domain';
import { db, type FremskudtDb } from './database';
import { entityRepository } from './entityRepository';

/** Citizens in `database` (tests simulate several devices, each with its own database). */
export const createCitizensRepo = (database: () => FremskudtDb = () => db) =>
  entityRepository<Citizen, CitizenInput>('citizen', (d) => d.citizens, database);

export const citizensRepo = createCitizensRepo();

/** The citizens with these ids (unknown ids left out), without reading the whole table. */
export async function citizensByIds(ids: readonly string[]): Promise<Map<string, Citizen>> {
  const unique = [...new Set(ids)];
  const found = await db.citizens.bulkGet(unique);
  return new Map(found.filter((c) => c !== undefined).map((c) => [c.id, c]));
}

export function listCitizens(): Promise<Citizen[]> {
  return db.citizens.toArray();
}
