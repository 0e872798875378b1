import type { TestServer } from '../../helpers/testServer';

/** The server's change log entries for one record, oldest first. */
export async function changesOf(server: TestServer, recordId: string) {
  return server.db.db
    .selectFrom('changes')
    .select(['seq', 'op', 'version'])
    .where('record_id', '=', recordId)
    .orderBy('seq')
    .execute();
}

/** How many mutations the server has recorded as applied (each id at most once). */
export async function appliedMutationIds(server: TestServer): Promise<string[]> {
  const rows = await server.db.db.selectFrom('applied_mutations').select('mutation_id').execute();
  return rows.map((r) => r.mutation_id);
}
