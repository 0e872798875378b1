import type { Case, CaseInput } from '../domain';
import { db, type FremskudtDb } from './database';
import { entityRepository } from './entityRepository';

export const createCasesRepo = (database: () => FremskudtDb = () => db) =>
  entityRepository<Case, CaseInput>('case', (d) => d.cases, database);

export const casesRepo = createCasesRepo();

export function casesOfCitizen(citizenId: string): Promise<Case[]> {
  return db.cases.where('citizenId').equals(citizenId).sortBy('openedOn');
}
