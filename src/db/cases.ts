import type { Case, CaseInput } from '../domain';
import { db } from './database';
import { entityRepository } from './entityRepository';

export const casesRepo = entityRepository<Case, CaseInput>('case', (d) => d.cases);

export function casesOfCitizen(citizenId: string): Promise<Case[]> {
  return db.cases.where('citizenId').equals(citizenId).sortBy('openedOn');
}
