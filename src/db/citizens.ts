import type { Citizen, CitizenInput } from '../domain';
import { db, type FremskudtDb } from './database';
import { entityRepository } from './entityRepository';

/** Citizens in `database` (tests simulate several devices, each with its own database). */
export const createCitizensRepo = (database: () => FremskudtDb = () => db) =>
  entityRepository<Citizen, CitizenInput>('citizen', (d) => d.citizens, database);

export const citizensRepo = createCitizensRepo();

export function listCitizens(): Promise<Citizen[]> {
  return db.citizens.toArray();
}
