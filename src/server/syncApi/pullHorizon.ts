import { sql } from 'kysely';
import type { PullQuery } from '../../protocol/sync';
import { named } from '../data/namedStatements';
import type { Database } from '../data/schema';
import { HttpError } from '../http/httpError';
import { startPositions } from './pullCursor';

/**
 * Refuses a pull whose position in some scope lies below that scope's horizon, the highest seq
 * at which compaction removed a tombstone (retention/compactChangeLog.ts): from there the device
 * would miss a delete, a move or an erasure, so it must resynchronise from nothing
 * (`resync-required`, docs/sync-protocol.md). Position 0, a device or scope starting from the
 * beginning, needs no tombstone and is always served. Called after the page is read: a page read
 * before a compaction committed still had its tombstones, one read after it sees its horizon here.
 */
export async function refuseBehindHorizon(
  database: Database,
  scopes: readonly string[],
  query: PullQuery,
): Promise<void> {
  const { positions } = startPositions(scopes, query.cursor);
  const started = scopes.filter((s) => (positions[s] ?? 0) > 0);
  if (started.length === 0) return;
  // PostgreSQL: one array parameter, so the text is the same for any number of scopes (named).
  const horizons = await database.db
    .selectFrom('change_log_horizon')
    .select(['team_id', 'seq'])
    .where(
      'team_id',
      database.dialect === 'postgres' ? '=' : 'in',
      database.dialect === 'postgres' ? sql<string>`any(${started})` : started,
    )
    .modifyEnd(named)
    .execute();
  const behind = horizons.filter((h) => (positions[h.team_id] ?? 0) < Number(h.seq));
  if (behind.length > 0) {
    throw new HttpError(
      'resync-required',
      'The change log no longer reaches back to this device’s last sync: resynchronise from the beginning',
      { scopes: behind.map((h) => h.team_id) },
    );
  }
}
