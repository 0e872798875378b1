import type { Change, PullQuery, PullResponse } from '../../protocol/sync';
import type { Database } from '../data/schema';
import type { EntityName } from '../../domain/entities';

/**
 * One page of the team's change log after `after`, oldest first. Team scoping is part of the
 * WHERE clause, and the (team_id, seq) index makes the cost follow the page size.
 */
export async function pullChanges(
  database: Database,
  teamId: string,
  query: PullQuery,
): Promise<PullResponse> {
  const rows = await database.db
    .selectFrom('changes')
    .select(['seq', 'entity', 'record_id', 'op', 'version', 'data'])
    .where('team_id', '=', teamId)
    .where('seq', '>', query.after)
    .orderBy('seq')
    .limit(query.limit + 1)
    .execute();
  const hasMore = rows.length > query.limit;
  const page = hasMore ? rows.slice(0, query.limit) : rows;
  const changes: Change[] = page.map((r) => ({
    seq: Number(r.seq),
    entity: r.entity as EntityName,
    recordId: r.record_id,
    op: r.op,
    version: r.version,
    record: r.data === null ? null : (JSON.parse(r.data) as Record<string, unknown>),
  }));
  const latest = await database.db
    .selectFrom('changes')
    .select((eb) => eb.fn.max('seq').as('max'))
    .where('team_id', '=', teamId)
    .executeTakeFirst();
  const cursor = changes.at(-1)?.seq ?? query.after;
  return {
    changes,
    cursor,
    hasMore,
    latestSeq: Math.max(Number(latest?.max ?? 0), cursor),
  };
}

/** What an audit entry keeps of a delivered page: counts and the ids per entity. */
export function summarizeDelivery(changes: readonly Change[]): Record<string, string[]> {
  const byEntity: Record<string, string[]> = {};
  for (const c of changes) (byEntity[c.entity] ??= []).push(c.recordId);
  return byEntity;
}
