import type { EntityName } from '../../domain/entities';
import type { Change, PullQuery, PullResponse } from '../../protocol/sync';
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database, Schema } from '../data/schema';
import { encodeCursor, startPositions } from './pullCursor';
import { refuseBehindHorizon } from './pullHorizon';

interface ChangeRow {
  seq: number;
  team_id: string;
  entity: string;
  record_id: string;
  op: Change['op'];
  version: number;
  data: string | null;
}

function toChange(r: ChangeRow): Change {
  return {
    seq: Number(r.seq),
    entity: r.entity as EntityName,
    recordId: r.record_id,
    op: r.op,
    version: r.version,
    record: r.data === null ? null : (JSON.parse(r.data) as Record<string, unknown>),
  };
}

type PullAnswer = PullResponse & { nextCursor: string; evictTeams: string[] };

/**
 * One page of the change logs of the given scopes, oldest first. Per scope a range of the
 * (team_id, seq) index of at most limit + 1 rows (all scopes in one statement), merged here: the
 * cost follows the page and the number of scopes, never the length of the log.
 *
 * Why no change is ever skipped: seqs follow commit order within each scope
 * (data/writeTransaction.ts), but not across scopes. The cursor keeps a position per scope, which
 * only moves over that scope's rows, so it is safe whatever the other scopes do.
 */
export async function pullChanges(
  database: Database,
  scopes: readonly string[],
  query: PullQuery,
): Promise<PullAnswer> {
  const page = await readPage(database.db, scopes, query);
  await refuseBehindHorizon(database.db, scopes, query);
  return page;
}

async function readPage(
  db: Kysely<Schema>,
  scopes: readonly string[],
  query: PullQuery,
): Promise<PullAnswer> {
  const { positions, evicted } = startPositions(scopes, query.cursor);
  // Per scope the next range and the latest seq, all in ONE statement: a statement is a round
  // trip to the database, and every device pulls often (bench/README.md, scenario 8b).
  // ORDER BY seq DESC LIMIT 1 rather than max(seq): SQLite answers max() with a WHERE by walking
  // the team's whole index range, this form is one index probe on both databases.
  const found = await unionOverScopes(db, scopes, [
    (scope) =>
      db
        .selectFrom('changes')
        .select(['seq', 'team_id', 'entity', 'record_id', 'op', 'version', 'data'])
        .select(sql<number>`0`.as('latest'))
        .where('team_id', '=', scope)
        .where('seq', '>', positions[scope] ?? 0)
        .orderBy('seq')
        .limit(query.limit + 1),
    (scope) =>
      db
        .selectFrom('changes')
        .select(['seq', 'team_id', 'entity', 'record_id', 'op', 'version'])
        .select([sql<string | null>`null`.as('data'), sql<number>`1`.as('latest')])
        .where('team_id', '=', scope)
        .orderBy('seq', 'desc')
        .limit(1),
  ]).execute();
  const merged = found
    .filter((r) => Number(r.latest) === 0)
    .sort((a, b) => Number(a.seq) - Number(b.seq));
  const latestSeqs = found.filter((r) => Number(r.latest) === 1).map((r) => Number(r.seq));
  const hasMore = merged.length > query.limit;
  const page = hasMore ? merged.slice(0, query.limit) : merged;
  const next = { ...positions };
  for (const r of page) next[r.team_id] = Number(r.seq);
  const changes = page.map(toChange);
  const cursor = changes.at(-1)?.seq ?? 0;
  return {
    changes,
    cursor,
    hasMore,
    latestSeq: Math.max(cursor, ...latestSeqs),
    nextCursor: encodeCursor(next),
    evictTeams: evicted,
  };
}

/**
 * Each of `parts` for every scope, in ONE statement. Each part sits in a subquery of its own, so
 * it keeps its ORDER BY and LIMIT (a bare UNION ALL part may not have them).
 */
function unionOverScopes<O>(
  db: Kysely<Schema>,
  scopes: readonly string[],
  parts: readonly ((scope: string) => SelectQueryBuilder<Schema, 'changes', O>)[],
) {
  const [first, ...rest] = parts.flatMap((part, p) =>
    scopes.map((scope, i) => db.selectFrom(part(scope).as(`part_${p}_${i}`)).selectAll()),
  );
  if (!first) throw new Error('A pull needs at least one scope');
  return rest.reduce((union, next) => union.unionAll(next), first);
}

/** What an audit entry keeps of a delivered page: the ids per entity. */
export function summarizeDelivery(changes: readonly Change[]): Record<string, string[]> {
  const byEntity: Record<string, string[]> = {};
  for (const c of changes) (byEntity[c.entity] ??= []).push(c.recordId);
  return byEntity;
}

/** The citizen each delivered change concerns (the citizen itself, or the one a record names). */
export function citizensOfDelivery(changes: readonly Change[]): Map<string, string[]> {
  const byCitizen = new Map<string, string[]>();
  for (const c of changes) {
    const named = c.record?.citizenId;
    const citizenId =
      c.entity === 'citizen' ? c.recordId : typeof named === 'string' ? named : null;
    if (!citizenId) continue;
    const list = byCitizen.get(citizenId) ?? [];
    list.push(`${c.entity}:${c.recordId}`);
    byCitizen.set(citizenId, list);
  }
  return byCitizen;
}
