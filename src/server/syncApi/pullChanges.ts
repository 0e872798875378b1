import type { Change, PullQuery } from '../../protocol/sync';
import { MAX_PULL_PAGE_BYTES } from '../../protocol/versions';
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { jsonFieldSql } from '../data/jsonSql';
import { named } from '../data/namedStatements';
import type { Database, Schema } from '../data/schema';
import { encodeCursor, startPositions } from './pullCursor';
import { HORIZON_ROW, horizonRows, refuseBehindHorizon } from './pullHorizon';

/** `latest` of a change on the page, and of a scope's latest seq (HORIZON_ROW: a horizon). */
const PAGE_ROW = 0;
const LATEST_ROW = 1;

interface ChangeRow {
  seq: number | string;
  team_id: string;
  entity: string;
  record_id: string;
  op: Change['op'];
  version: number;
  /**
   * The record's JSON as stored (written by this server with JSON.stringify), or null: its UTF-8
   * bytes on SQLite (read as a blob), text on PostgreSQL.
   */
  data: Buffer | string | null;
  /** The record's own `citizenId`, read by the database from `data`. */
  named_citizen: unknown;
}

/**
 * One page of changes: the response body, and what the page's audit entry needs to know of it.
 * The body is built as UTF-8 bytes, each record's stored JSON spliced in as it is: parsing 1,000
 * records only to serialize them again was a fifth of the server's CPU for a page, and a body
 * built as a string was then scanned for its length and encoded again on its way out (a third).
 */
export interface PulledPage {
  /** A `PullResponse` (protocol/sync.ts) with `nextCursor` and `evictTeams`, as UTF-8 JSON. */
  json: Buffer;
  /** The highest seq delivered (0 for an empty page). */
  cursor: number;
  count: number;
  evictTeams: string[];
  /** The ids delivered, per entity. */
  records: Record<string, string[]>;
  /** The citizens the page concerns: each citizen delivered, and each one a record names. */
  citizens: Set<string>;
}

/**
 * The page's body: `head`, each change as JSON in ChangeSchema's field order with its record's
 * stored JSON as it is, then `tail`; written into one buffer.
 */
function pageJson(rows: readonly ChangeRow[], head: string, tail: string): Buffer {
  const parts: (string | Buffer)[] = [head];
  rows.forEach((r, i) => {
    parts.push(
      `${i === 0 ? '' : ','}{"seq":${Number(r.seq)},"entity":${JSON.stringify(r.entity)},` +
        `"recordId":${JSON.stringify(r.record_id)},"op":${JSON.stringify(r.op)},` +
        `"version":${Number(r.version)},"record":`,
      r.data ?? 'null',
      '}',
    );
  });
  parts.push(tail);
  let size = 0;
  for (const part of parts) size += byteLength(part);
  const body = Buffer.allocUnsafe(size);
  let at = 0;
  for (const part of parts) {
    at += typeof part === 'string' ? body.write(part, at) : part.copy(body, at);
  }
  return body;
}

/**
 * One page of the change logs of the given scopes, oldest first. Per scope a range of the
 * (team_id, seq) index of at most limit + 1 rows (all scopes in one statement), merged here: the
 * cost follows the page and the number of scopes, never the length of the log. Refuses a
 * position behind a scope's horizon (pullHorizon.ts), read in the same statement.
 *
 * Why no change is ever skipped: seqs follow commit order within each scope
 * (data/writeTransaction.ts), but not across scopes. The cursor keeps a position per scope, which
 * only moves over that scope's rows, so it is safe whatever the other scopes do.
 */
export async function pullChanges(
  database: Database,
  scopes: readonly string[],
  query: PullQuery,
): Promise<PulledPage> {
  const { db } = database;
  const { positions, evicted } = startPositions(scopes, query.cursor);
  // SQLite reads the citizen a record names out of its JSON (in C), so the records need not be
  // parsed here. PostgreSQL cannot: its JSON functions refuse a record holding \u0000 anywhere
  // (a NUL typed into a note is stored verbatim), so there it is parsed below.
  const namedCitizen =
    database.dialect === 'sqlite'
      ? sql<unknown>`${sql.raw(jsonFieldSql('sqlite', 'data', 'citizenId'))}`
      : sql<unknown>`null`;
  // SQLite hands the record's JSON over as its stored UTF-8 bytes, never decoded into a string:
  // they go into the body as they are.
  const data = sql<Buffer | string | null>`${sql.raw(
    database.dialect === 'sqlite' ? 'CAST(data AS BLOB)' : 'data',
  )}`;
  // Per scope the next range and the latest seq, and the horizons of the scopes it continues in
  // (pullHorizon.ts), all in ONE statement: a statement is a round trip to the database, and
  // every device pulls often (bench/README.md, scenario 8b).
  // ORDER BY seq DESC LIMIT 1 rather than max(seq): SQLite answers max() with a WHERE by walking
  // the team's whole index range, this form is one index probe on both databases.
  const started = scopes.filter((s) => (positions[s] ?? 0) > 0);
  const pages = unionOverScopes(db, scopes, [
    (scope) =>
      db
        .selectFrom('changes')
        .select(['seq', 'team_id', 'entity', 'record_id', 'op', 'version'])
        .select([
          data.as('data'),
          namedCitizen.as('named_citizen'),
          sql<number>`${sql.lit(PAGE_ROW)}`.as('latest'),
        ])
        .where('team_id', '=', scope)
        .where('seq', '>', positions[scope] ?? 0)
        .orderBy('seq')
        .limit(query.limit + 1),
    (scope) =>
      db
        .selectFrom('changes')
        .select(['seq', 'team_id', 'entity', 'record_id', 'op', 'version'])
        .select([
          sql<Buffer | string | null>`null`.as('data'),
          sql<unknown>`null`.as('named_citizen'),
          sql<number>`${sql.lit(LATEST_ROW)}`.as('latest'),
        ])
        .where('team_id', '=', scope)
        .orderBy('seq', 'desc')
        .limit(1),
  ]);
  const found = await (
    started.length > 0 ? pages.unionAll(horizonRows(db, database.dialect, started)) : pages
  )
    .modifyEnd(named)
    .execute();
  refuseBehindHorizon(
    positions,
    found.filter((r) => Number(r.latest) === HORIZON_ROW),
  );
  const merged = found
    .filter((r) => Number(r.latest) === PAGE_ROW)
    .sort((a, b) => Number(a.seq) - Number(b.seq));
  const latestSeqs = found.filter((r) => Number(r.latest) === LATEST_ROW).map((r) => Number(r.seq));
  const size = pageSize(merged, query.limit);
  const hasMore = merged.length > size;
  const page: ChangeRow[] = hasMore ? merged.slice(0, size) : merged;
  const next = { ...positions };
  const records: Record<string, string[]> = {};
  const citizens = new Set<string>();
  for (const r of page) {
    next[r.team_id] = Number(r.seq);
    (records[r.entity] ??= []).push(r.record_id);
    if (r.entity === 'citizen') citizens.add(r.record_id);
    else if (r.data !== null) {
      const named =
        database.dialect === 'sqlite'
          ? r.named_citizen
          : (JSON.parse(String(r.data)) as { citizenId?: unknown }).citizenId;
      if (typeof named === 'string') citizens.add(named);
    }
  }
  const cursor = page.length > 0 ? Number(page[page.length - 1]!.seq) : 0;
  const json = pageJson(
    page,
    '{"changes":[',
    `],"cursor":${cursor},"hasMore":${hasMore},"latestSeq":${Math.max(cursor, ...latestSeqs)},` +
      `"nextCursor":${JSON.stringify(encodeCursor(next))},"evictTeams":${JSON.stringify(evicted)}}`,
  );
  return { json, cursor, count: page.length, evictTeams: evicted, records, citizens };
}

/**
 * How many of `rows` the page holds: at most `limit`, and no more once their records' JSON has
 * passed MAX_PULL_PAGE_BYTES (at least one, so every page moves the cursor).
 */
function pageSize(rows: readonly ChangeRow[], limit: number): number {
  const end = Math.min(rows.length, limit);
  let bytes = 0;
  for (let i = 0; i < end; i++) {
    bytes += byteLength(rows[i]!.data ?? '');
    if (bytes > MAX_PULL_PAGE_BYTES) return Math.max(1, i);
  }
  return end;
}

const byteLength = (text: Buffer | string) =>
  typeof text === 'string' ? Buffer.byteLength(text) : text.length;

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
