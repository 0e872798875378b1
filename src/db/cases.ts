import type { Case, CaseInput } from '../domain';
import { db, type FremskudtDb } from './database';
import { entityRepository } from './entityRepository';

export const createCasesRepo = (database: () => FremskudtDb = () => db) =>
  entityRepository<Case, CaseInput>('case', database);

export const casesRepo = createCasesRepo();

export async function casesOfCitizen(citizenId: string): Promise<Case[]> {
  const rows = await db.cases.where('citizenId').equals(citizenId).toArray();
  const cases = await db.unsealAll<Case>('cases', rows);
  return cases.sort((a, b) => a.openedOn.localeCompare(b.openedOn));
}
