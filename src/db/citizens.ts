import type { Citizen, CitizenInput } from '../domain';
import { db } from './database';
import { entityRepository } from './entityRepository';

export const citizensRepo = entityRepository<Citizen, CitizenInput>('citizen', (d) => d.citizens);

export function listCitizens(): Promise<Citizen[]> {
  return db.citizens.toArray();
}
