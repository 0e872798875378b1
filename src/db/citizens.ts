import type { Citizen, CitizenFields } from '../domain';
import { db } from './database';
import { entityRepository } from './entityRepository';

export const citizensRepo = entityRepository<Citizen, CitizenFields>('citizen', (d) => d.citizens);

export function listCitizens(): Promise<Citizen[]> {
  return db.citizens.toArray();
}
