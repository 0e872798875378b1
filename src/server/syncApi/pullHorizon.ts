import { sql, type Kysely } from 'kysely';
import type { Change } from '../../protocol/sync';
import type { Dialect, Schema } from '../data/schema';
import { HttpError } from '../http/httpError';

/** `latest` of a horizon's row among the page's rows (pullChanges.ts). */
export const HORIZON_ROW = 2;

/**
 * The horizons of the scopes a pull continues in (position above 0), as rows shaped like the
 * page's, to be read in the page's own statement: one snapshot, so a page read before a
 * compaction committed still had its tombstones and its horizon is the old one, and a page read
 * after it sees the new horizon (retention/compactChangeLog.ts). Position 0, a device or scope
 * starting from the beginning, needs no tombstone and is always served. PostgreSQL binds the
 * scopes as one array, so the statement's text is the same for any number of them.
 */
export function horizonRows(db: Kysely<Schema>, dialect: Dialect, started: readonly string[]) {
  return db
    .selectFrom('change_log_horizon')
    .select(['seq', 'team_id'])
    .select([
      sql<string>`null`.as('entity'),
      sql<string>`null`.as('record_id'),
      sql<Change['op']>`null`.as('op'),
      sql<number>`null`.as('version'),
      sql<Buffer | string | null>`null`.as('data'),
      sql<unknown>`null`.as('named_citizen'),
      sql<number>`${sql.lit(HORIZON_ROW)}`.as('latest'),
    ])
    .where(
      'team_id',
      dialect === 'postgres' ? '=' : 'in',
      dialect === 'postgres' ? sql<string>`any(${[...started]})` : [...started],
    );
}

/**
 * Refuses a pull whose position in some scope lies below that scope's horizon, the highest seq
 * at which compaction removed a tombstone (retention/compactChangeLog.ts): from there the device
 * would miss a delete, a move or an erasure, so it must resynchronise from nothing
 * (`resync-required`, docs/sync-protocol.md).
 */
export function refuseBehindHorizon(
  positions: Readonly<Record<string, number>>,
  horizons: readonly { team_id: string; seq: number | string }[],
): void {
  const behind = horizons.filter((h) => (positions[h.team_id] ?? 0) < Number(h.seq));
  if (behind.length > 0) {
    throw new HttpError(
      'resync-required',
      'The change log no longer reaches back to this device’s last sync: resynchronise from the beginning',
      { scopes: behind.map((h) => h.team_id) },
    );
  }
}
